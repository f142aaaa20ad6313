using System;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Creates an annotation event, and its stream when the stream is new. Takes its fields from the pipeline by
    /// property name too, so CSV rows or events read from another stream or account can be piped in.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LibratoAnnotation", HelpUri = HelpLinks.Pages + "New-LibratoAnnotation.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoAnnotation))]
    public sealed class NewLibratoAnnotationCommand : AnnotationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string Stream { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>When the event started; the API's default is now.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>Links such as @{ rel = 'ci'; href = 'https://ci.example.com/builds/42'; label = 'Build 42' }.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Links")]
        [AllowEmptyCollection]
        public LibratoAnnotationLink[]? Link { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"annotation stream '{Stream}'", $"Create annotation '{Title}'"))
            {
                return;
            }

            var annotation = Build(Title, Source, Description, StartTime, EndTime, Link);
            ForAnnotation(Stream, null, Stream, () => WriteObject(Await(ct => Client.CreateAnnotationAsync(Stream, annotation, Trace, ct))));
            ForgetStreamNames();
        }

        internal static NewAnnotation Build(string title, string? source, string? description, DateTime? start, DateTime? end, LibratoAnnotationLink[]? links)
        {
            var annotation = new NewAnnotation(title)
            {
                Source = string.IsNullOrEmpty(source) ? null : source,
                Description = string.IsNullOrEmpty(description) ? null : description,
                StartTime = start.HasValue ? EpochTime.FromDateTime(start.Value) : (long?)null,
                EndTime = end.HasValue ? EpochTime.FromDateTime(end.Value) : (long?)null,
            };
            foreach (var link in links ?? new LibratoAnnotationLink[0])
            {
                if (link != null)
                {
                    annotation.Links.Add(link);
                }
            }

            return annotation;
        }
    }
}
