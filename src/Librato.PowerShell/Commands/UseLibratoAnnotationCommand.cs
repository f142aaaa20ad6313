using System;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Annotates a script block, as deploy runbooks do: creates the annotation with the start time before the block
    /// runs and sets its end time after it, also when the block throws. The block gets the annotation as <c>$_</c> and
    /// as its first argument; its output passes through, and what it throws is thrown again.
    /// </summary>
    [Cmdlet(VerbsOther.Use, "LibratoAnnotation", HelpUri = HelpLinks.Pages + "Use-LibratoAnnotation.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(object))]
    public sealed class UseLibratoAnnotationCommand : AnnotationCmdlet
    {
        // Runs the block in a child scope with $_ and its first argument set, and hands each output object over as it
        // is written: a long deploy shows its progress, and what came out before a throw is not lost.
        private const string RelayText =
            "param($__libratoBlock, $__libratoEmit, $__libratoArgument) $_ = $__libratoArgument; " +
            "& $__libratoBlock $__libratoArgument | ForEach-Object { $__libratoEmit.Invoke($_) }";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string Stream { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNull]
        public ScriptBlock? ScriptBlock { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public LibratoAnnotationLink[]? Link { get; set; }

        protected override void EndProcessing()
        {
            var annotation = Open();
            var failed = false;
            try
            {
                // Bound to the block's module, when it has one, so that the block sees the relay's $_.
                var relay = ScriptBlock.Create(RelayText);
                if (ScriptBlock!.Module != null)
                {
                    relay = ScriptBlock.Module.NewBoundScriptBlock(relay);
                }

                Action<object> emit = WriteObject;
                relay.Invoke(ScriptBlock, emit, annotation);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                if (annotation != null)
                {
                    Close(annotation, failed);
                }
            }
        }

        /// <summary>Creates the annotation; when the API refuses, reports it and lets the block run unannotated.</summary>
        private LibratoAnnotation? Open()
        {
            if (!ShouldProcess($"annotation stream '{Stream}'", $"Create annotation '{Title}' around the script block"))
            {
                return null;
            }

            var annotation = NewLibratoAnnotationCommand.Build(Title, Source, Description, DateTime.UtcNow, null, Link);
            LibratoAnnotation? created = null;
            ForAnnotation(Stream, null, Stream, () => created = Await(ct => Client.CreateAnnotationAsync(Stream, annotation, Trace, ct)));
            ForgetStreamNames();
            return created;
        }

        private void Close(LibratoAnnotation annotation, bool failed)
        {
            var end = EpochTime.Now();
            try
            {
                Await(ct => Client.UpdateAnnotationAsync(annotation.Stream, annotation.Id, new AnnotationUpdate { EndTime = end }, Trace, ct));
                annotation.EndTime = EpochTime.ToDateTime(end);
            }
            catch (LibratoApiException ex)
            {
                if (failed)
                {
                    // The block's own exception is what the caller must see; an error record now could replace it.
                    WriteWarning($"Could not set the end time of annotation {annotation.Id} in stream '{annotation.Stream}': {ex.Message}");
                }
                else
                {
                    WriteError(ApiErrors.ToRecord(ex, annotation));
                }
            }
        }
    }
}
