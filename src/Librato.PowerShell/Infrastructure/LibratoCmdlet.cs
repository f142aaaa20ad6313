using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The thin base of every cmdlet that talks to the API: the <c>-Session</c> parameter with the default session
    /// behind it, cancellation on Ctrl+C, and request tracing to the verbose stream.
    /// </summary>
    public abstract class LibratoCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private LibratoSession? session;

        /// <summary>The session to use instead of the default one from Connect-Librato.</summary>
        [Parameter]
        [ValidateNotNull]
        public LibratoSession? Session { get; set; }

        internal VerboseTrace Trace { get; } = new VerboseTrace();

        internal CancellationToken Cancellation => stopping.Token;

        /// <summary>The session in use; resolving it fails the command when there is none.</summary>
        internal LibratoSession ActiveSession => session ?? (session = ResolveSession());

        internal LibratoClient Client => ActiveSession.Client;

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs an API call on the pipeline thread, then writes its trace lines as verbose messages.</summary>
        internal T Await<T>(Func<CancellationToken, Task<T>> call) => Await(call, null);

        /// <summary>
        /// As <see cref="Await{T}(Func{CancellationToken, Task{T}})"/>, calling <paramref name="whileWaiting"/> on the
        /// pipeline thread four times a second (progress, and trace lines as they come) until the call is done.
        /// </summary>
        internal T Await<T>(Func<CancellationToken, Task<T>> call, Action? whileWaiting)
        {
            try
            {
                var task = call(stopping.Token);

                // Polled even without a caller's progress: a retry's wait then shows while it lasts, not after.
                while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(250))
                {
                    whileWaiting?.Invoke();
                    FlushTrace();
                }

                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (LibratoApiException ex) when (ApiErrors.EndsCommand(ex))
            {
                // The certificate or the proxy fails every request alike: one clear error, not one per item.
                FlushTrace();
                ThrowTerminatingError(ApiErrors.ToRecord(ex, null));
                throw;
            }
            finally
            {
                FlushTrace();
                EndRetryProgress();
            }
        }

        /// <summary>Every item of a paginated list, page by page, each page written out before the next is read.</summary>
        internal IEnumerable<T> EveryPage<T>(Func<int, CancellationToken, Task<Page<T>>> read)
        {
            var offset = 0;
            Page<T> page;
            do
            {
                var from = offset;
                page = Await(ct => read(from, ct));
                foreach (var item in page.Items)
                {
                    yield return item;
                }

                offset = page.NextOffset;
            }
            while (page.HasMore);
        }

        internal void Await(Func<CancellationToken, Task> call) =>
            Await<bool>(async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            });

        /// <summary>
        /// ShouldProcess that -Force answers without a prompt, while -WhatIf still only describes.
        /// </summary>
        internal bool Approve(string target, string action, bool force)
        {
            if (force && !IsWhatIf() && !MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return true;
            }

            return ShouldProcess(target, action);
        }

        /// <summary>
        /// Writes a file the command wrote as Get-Item would: the provider's item carries what PowerShell's own file
        /// view shows (mode, size, the folder heading), which a bare FileInfo lacks.
        /// </summary>
        internal void WriteFileItem(string path)
        {
            foreach (var item in SessionState.InvokeProvider.Item.Get(new[] { path }, force: true, literalPath: true))
            {
                WriteObject(item);
            }
        }

        /// <summary>Runs a call about one metric (or several), reporting its failure as a non-terminating error about them.</summary>
        internal void ForMetric(object target, Action call)
        {
            try
            {
                call();
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
            {
                var names = target is System.Collections.Generic.IEnumerable<string> many && !(target is string)
                    ? string.Join("', '", many)
                    : target.ToString();
                var hint = target is string one ? " " + SimilarNamesHint(one) : string.Empty;
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no metric named '{names}'.{hint}", ex),
                    ErrorIds.MetricNotFound,
                    ErrorCategory.ObjectNotFound,
                    target));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, target));
            }
        }

        /// <summary>Where a mistyped name's neighbours are: its family (<c>web.cpu.*</c>), or names that start alike.</summary>
        internal static string SimilarNamesHint(string name)
        {
            var dot = name.LastIndexOf('.');
            var pattern = dot > 0 ? name.Substring(0, dot + 1) + "*" : name.Substring(0, Math.Min(3, name.Length)) + "*";
            return $"Get-LibratoMetric '{pattern}' lists the metrics whose names start alike.";
        }

        /// <summary>Submits a queue, reporting what failed; returns the result.</summary>
        internal QueueSubmitResult SubmitQueue(LibratoQueue queue)
        {
            var progress = new ProgressReporter(this, ProgressIds.SubmitQueue, "Submitting the Librato queue", "queued measurements sent");
            var queued = queue.Core.Count;
            var result = Await(ct => queue.Core.SubmitAsync(Trace, ct), () => progress.Report(Math.Max(0, queued - queue.Core.Count)));
            progress.Complete();
            foreach (var failure in queue.Core.TakeUnreportedFailures())
            {
                WriteError(QueueErrors.ForFailedBatch(failure));
            }

            if (result.StoppedBy != null)
            {
                if (ApiErrors.EndsCommand(result.StoppedBy))
                {
                    ThrowTerminatingError(QueueErrors.ForStopped(result.StoppedBy, queue));
                }

                WriteError(QueueErrors.ForStopped(result.StoppedBy, queue));
            }

            WriteVerbose($"Submitted {result.Sent} measurement(s) in {result.Batches} batch(es); {result.Pending} still queued.");
            return result;
        }

        /// <summary>A tag parameter whose values are not all text or numbers ends the command with Librato.InvalidTag.</summary>
        internal void ThrowIfTagsInvalid(System.Collections.IDictionary? tags, string parameter)
        {
            if (InputConversion.TagsProblem(tags) is string problem)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-{parameter}: {problem}."), ErrorIds.InvalidTag, ErrorCategory.InvalidArgument, tags));
            }
        }

        /// <summary>
        /// Writes the request lines as verbose messages. A retry's line (its cause, and when and which attempt comes
        /// next) also shows as progress, so a wait for a retry is never a blank screen without -Verbose.
        /// </summary>
        internal void FlushTrace()
        {
            while (Trace.TryTake(out var line))
            {
                WriteVerbose(line);
                // The attempt's own line replaces the wait's, so the bar never shows a wait that is over.
                var waiting = line.StartsWith(TraceLines.Retry, StringComparison.Ordinal);
                if (waiting || (retryProgress != null && line.StartsWith(TraceLines.Attempt, StringComparison.Ordinal)))
                {
                    // A new record each time: a host or a collection may keep the records it was given.
                    retryProgress = new ProgressRecord(ProgressIds.Retry, waiting ? "Waiting to retry" : "Retrying", line);
                    WriteProgress(retryProgress);
                }
            }
        }

        private ProgressRecord? retryProgress;

        internal void EndRetryProgress()
        {
            if (retryProgress != null)
            {
                WriteProgress(new ProgressRecord(ProgressIds.Retry, retryProgress.Activity, retryProgress.StatusDescription)
                {
                    RecordType = ProgressRecordType.Completed,
                });
                retryProgress = null;
            }
        }

        /// <summary>
        /// A Set cmdlet's action for -WhatIf and -Confirm, naming what it changes: <c>Set -Description, -Period</c>. The
        /// parameters that pick the target (<paramref name="identity"/>), -PassThru, -Force, -Session and the common ones are left out.
        /// </summary>
        internal string ChangeAction(params string[] identity)
        {
            var changed = ChangedParameters(identity).Select(p => "-" + p).ToList();
            return changed.Count == 0 ? "Set" : "Set " + string.Join(", ", changed);
        }

        /// <summary>The bound parameters of a Set cmdlet that change something: all but those named in <see cref="ChangeAction"/>.</summary>
        internal IEnumerable<string> ChangedParameters(params string[] identity) =>
            MyInvocation.BoundParameters.Keys.Where(p =>
                Array.IndexOf(identity, p) < 0 && p != "PassThru" && p != "Force" && p != "Session" &&
                !Cmdlet.CommonParameters.Contains(p) && !Cmdlet.OptionalCommonParameters.Contains(p));

        internal bool IsWhatIf() =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound) ? IsSet(bound) : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>
        /// Whether ShouldProcess may show its target, at this cmdlet's <paramref name="impact"/>: under -WhatIf, in a
        /// confirmation prompt (-Confirm, $ConfirmPreference at or below the impact, or -Debug, which prompts in
        /// Windows PowerShell 5.1), or in the verbose line it writes for -Verbose. When it cannot, a caller may spare
        /// itself describing the target in detail.
        /// </summary>
        internal bool ShowsShouldProcessTarget(ConfirmImpact impact)
        {
            var bound = MyInvocation.BoundParameters;
            var confirms = bound.TryGetValue("Confirm", out var confirm)
                ? IsSet(confirm)
                : (bound.TryGetValue("Debug", out var debug) && IsSet(debug)) ||
                  !LanguagePrimitives.TryConvertTo<ConfirmImpact>(SessionState.PSVariable.GetValue("ConfirmPreference"), out var level) ||
                  (level != ConfirmImpact.None && level <= impact);
            return IsWhatIf() || confirms || (bound.TryGetValue("Verbose", out var verbose) && IsSet(verbose));
        }

        private static bool IsSet(object? value) => value is SwitchParameter sw ? sw.IsPresent : LanguagePrimitives.IsTrue(value);

        private LibratoSession ResolveSession()
        {
            var resolved = Session ?? SessionStore.Current;
            if (resolved == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("Not connected to Librato. Run Connect-Librato first, or pass -Session."),
                    ErrorIds.NotConnected,
                    ErrorCategory.ConnectionError,
                    null));
            }

            if (resolved!.IsClosed)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("This Librato session was disconnected. Run Connect-Librato again."),
                    ErrorIds.SessionClosed,
                    ErrorCategory.ConnectionError,
                    resolved));
            }

            return resolved;
        }
    }
}
