using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>The base of the annotation cmdlets: reporting missing streams and events with stable error ids.</summary>
    public abstract class AnnotationCmdlet : LibratoCmdlet
    {
        /// <summary>Runs a call about a stream or one of its events, reporting its failure as a non-terminating error.</summary>
        internal void ForAnnotation(string stream, long? id, object target, Action call)
        {
            try
            {
                call();
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
            {
                // An event route answers 404 for a missing stream as well as for a missing event.
                var streamMissing = !id.HasValue || ex.ApiErrors.Any(e => e.IndexOf("stream", StringComparison.OrdinalIgnoreCase) >= 0);
                WriteError(streamMissing
                    ? new ErrorRecord(
                        new ItemNotFoundException($"There is no annotation stream named '{stream}'.", ex),
                        ErrorIds.AnnotationStreamNotFound, ErrorCategory.ObjectNotFound, target)
                    : new ErrorRecord(
                        new ItemNotFoundException($"There is no annotation with id {id!.Value.ToString(CultureInfo.InvariantCulture)} in the stream '{stream}'.", ex),
                        ErrorIds.AnnotationNotFound, ErrorCategory.ObjectNotFound, target));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, target));
            }
        }

        /// <summary>Forgets the stream names cached for completion, after a stream was created or removed.</summary>
        internal void ForgetStreamNames() => NameCompleter.Forget<AnnotationStreamNameCompleter>(ActiveSession);
    }
}
