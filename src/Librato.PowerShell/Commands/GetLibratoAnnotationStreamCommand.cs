using System;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists annotation streams (every page, as pages arrive), gets one by name, and with a time range, a count or
    /// sources reads each stream with its events.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoAnnotationStream", HelpUri = HelpLinks.Pages + "Get-LibratoAnnotationStream.md")]
    [OutputType(typeof(LibratoAnnotationStream))]
    public sealed class GetLibratoAnnotationStreamCommand : AnnotationCmdlet
    {
        /// <summary>The type name a stream read with its events carries, for its own format view.</summary>
        public const string WithEventsTypeName = "Librato.Api.LibratoAnnotationStream#Events";

        /// <summary>How far back events are read when neither -StartTime nor -Count is given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Alias("Stream")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>The first N events from -StartTime, or without it the last N up to -EndTime.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Source { get; set; }

        private bool WithEvents => StartTime.HasValue || EndTime.HasValue || Count.HasValue || Source != null;

        private ProgressReporter? progress;
        private long listed;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ListAnnotationStreams, "Listing Librato annotation streams", "streams read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (Name == null)
            {
                List(null);
                return;
            }

            foreach (var name in Name)
            {
                if (WildcardFilter.HasWildcards(name))
                {
                    List(name);
                }
                else
                {
                    ForAnnotation(name, null, name, () => WriteObject(Read(name)));
                }
            }
        }

        private void List(string? pattern)
        {
            try
            {
                foreach (var stream in AnnotationListing.Streams(this, pattern))
                {
                    if (WithEvents)
                    {
                        ForAnnotation(stream.Name, null, stream.Name, () => WriteObject(Read(stream.Name)));
                    }
                    else
                    {
                        WriteObject(stream);
                    }

                    progress!.Report(++listed);
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, pattern));
            }
        }

        private object Read(string name)
        {
            var query = WithEvents ? AnnotationListing.Query(StartTime, EndTime, Count, Source, DefaultWindow) : null;
            var stream = Await(ct => Client.GetAnnotationStreamAsync(name, query, Trace, ct));
            if (!WithEvents)
            {
                return stream;
            }

            // Read with its events, the stream takes the view that counts them; without, it has no count to show.
            var shown = new PSObject(stream);
            shown.TypeNames.Insert(0, WithEventsTypeName);
            return shown;
        }
    }
}
