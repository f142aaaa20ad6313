using System;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Gets annotation events: those of a time range (the last day by default) in one stream, in the streams a
    /// pattern matches or in every stream; or one event by stream and id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoAnnotation", HelpUri = HelpLinks.Pages + "Get-LibratoAnnotation.md", DefaultParameterSetName = RangeSet)]
    [OutputType(typeof(LibratoAnnotation))]
    public sealed class GetLibratoAnnotationCommand : AnnotationCmdlet
    {
        public const string RangeSet = "Range";
        public const string IdSet = "Id";

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = RangeSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string[]? Stream { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        [Parameter(ParameterSetName = RangeSet)]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter(ParameterSetName = RangeSet)]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        [Parameter(ParameterSetName = RangeSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        [Parameter(ParameterSetName = RangeSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Source { get; set; }

        /// <summary>Keeps the events whose title matches (wildcards, case ignored).</summary>
        [Parameter(ParameterSetName = RangeSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Title { get; set; }

        private ProgressReporter? progress;
        private long read;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ReadAnnotations, "Reading Librato annotations", "annotations read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var stream in Stream!)
                {
                    foreach (var id in Id)
                    {
                        ForAnnotation(stream, id, stream + "/" + id, () => WriteObject(Await(ct => Client.GetAnnotationAsync(stream, id, Trace, ct))));
                    }
                }

                return;
            }

            if (Stream == null)
            {
                ReadAll(null);
                return;
            }

            foreach (var stream in Stream)
            {
                if (WildcardFilter.HasWildcards(stream))
                {
                    ReadAll(stream);
                }
                else
                {
                    ForAnnotation(stream, null, stream, () => WriteEvents(stream));
                }
            }
        }

        private void ReadAll(string? pattern)
        {
            try
            {
                foreach (var stream in AnnotationListing.Streams(this, pattern))
                {
                    ForAnnotation(stream.Name, null, stream.Name, () => WriteEvents(stream.Name));
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, pattern));
            }
        }

        private void WriteEvents(string stream)
        {
            var query = AnnotationListing.Query(StartTime, EndTime, Count, Source, GetLibratoAnnotationStreamCommand.DefaultWindow);
            var read = Await(ct => Client.GetAnnotationStreamAsync(stream, query, Trace, ct));
            var title = Title == null ? null : WildcardPattern.Get(Title, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            foreach (var annotation in read.Events)
            {
                if (title == null || title.IsMatch(annotation.Title))
                {
                    WriteObject(annotation);
                }
            }

            this.read += read.Events.Count;
            progress!.Report(this.read);
        }
    }
}
