using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Reads the points of any metric, by source or tagged, one object per point as each answer arrives, or evaluates
    /// a composite expression. A read that finds nothing warns why.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoMeasurement", HelpUri = HelpLinks.Pages + "Get-LibratoMeasurement.md", DefaultParameterSetName = MetricSet)]
    [OutputType(typeof(LibratoMeasurement))]
    public sealed class GetLibratoMeasurementCommand : PointReadCmdlet
    {
        public const string MetricSet = "Metric";
        public const string SourceSet = "Source";
        public const string TagSet = "Tag";
        public const string ComposeSet = "Compose";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MetricSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SourceSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TagSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Sources (names or <c>*</c> patterns) of series by source.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SourceSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Source { get; set; }

        /// <summary>Tag filters: tag name to a pattern or an array of patterns (<c>*</c> wildcards, <c>!</c> negates).</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public Hashtable? Tag { get; set; }

        /// <summary>A tag search expression, e.g. <c>region=us-east* and db=*prod*</c>.</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagCompleter))]
        public string? TagSearch { get; set; }

        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? GroupBy { get; set; }

        [Parameter(ParameterSetName = TagSet)]
        [ValidateSet("sum", "min", "max", "mean", IgnoreCase = true)]
        public string? GroupByFunction { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = SourceSet)]
        [Parameter(ParameterSetName = TagSet)]
        [ValidateSet("sum", "min", "max", "count", "mean", "derivative", "stddev", "all", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        /// <summary>A composite expression such as <c>mean(s("temperature", "*", {function: "mean", period: "3600"}))</c>.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComposeSet)]
        [ValidateNotNullOrEmpty]
        public string? Compose { get; set; }

        /// <summary>Evaluate the composite over tagged data (<c>GET /v1/measurements?compose=</c>) instead of sources.</summary>
        [Parameter(ParameterSetName = ComposeSet)]
        public SwitchParameter Tagged { get; set; }

        private PointQuery? window;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            window = Window();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ComposeSet)
            {
                ReadComposite();
                return;
            }

            foreach (var raw in Name)
            {
                var name = ActiveSession.MetricName(raw);
                ReadPoints(name, Query(), points =>
                {
                    foreach (var point in points)
                    {
                        WriteObject(point);
                    }
                }, $"Reading the points of {name}");
            }
        }

        private PointQuery Query()
        {
            var query = Window();
            query.SummaryFunction = SummaryFunction?.ToLowerInvariant();
            query.TagsSearch = TagSearch;
            query.GroupByFunction = GroupByFunction?.ToLowerInvariant();
            foreach (var source in Source ?? new string[0])
            {
                query.Sources.Add(source);
            }

            foreach (var name in GroupBy ?? new string[0])
            {
                query.GroupBy.Add(name);
            }

            TagFilters.AddTo(query.Tags, Tag);
            return query;
        }

        private void ReadComposite()
        {
            // A composite over series by source takes only their resolutions; say so before the API answers 400.
            if (!Tagged && Resolution is int asked && !PointQuery.SourceResolutions.Contains(asked))
            {
                var offered = PointReader.OfferedResolution(asked);
                WriteError(new ErrorRecord(
                    new PSArgumentException(
                        $"-Resolution {asked} is not one a composite over series by source can have: they offer " +
                        $"{string.Join(", ", PointQuery.SourceResolutions)} (seconds). Use -Resolution {offered}, or -Tagged for a composite over tagged " +
                        "series, which takes any resolution up to 604800."),
                    ErrorIds.InvalidResolution,
                    ErrorCategory.InvalidArgument,
                    asked));
                return;
            }

            var query = new TaggedReadQuery
            {
                Resolution = Resolution ?? PointQuery.DefaultTaggedResolution,
                StartTime = window!.StartTime,
                EndTime = window.EndTime,
            };

            SeriesRead answer;
            try
            {
                answer = Await(ct => Client.ComposeAsync(Compose!, query, Tagged, Trace, ct));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, Compose, ex.Kind == LibratoErrorKind.InvalidRequest ? ErrorIds.InvalidComposite : null));
                return;
            }

            // Composites have no count in the API; keep the last (or, from -StartTime, the first) N of each series.
            var points = Count.HasValue ? PointCount.Keep(answer.Points, Count.Value, StartTime.HasValue) : answer.Points;

            foreach (var point in points)
            {
                WriteObject(point);
            }

            if (answer.Points.Count == 0)
            {
                WriteWarning($"The composite {Compose} gave no points between {DisplayTime.FormatEpoch(query.StartTime.Value)} and {DisplayTime.FormatEpoch(query.EndTime.Value)}. " +
                    (Tagged ? "It was evaluated over tagged series (leave out -Tagged for series by source)" : "It was evaluated over series by source (add -Tagged for tagged series)") +
                    "; a longer -Duration or an earlier -StartTime reads further back.");
            }
        }
    }
}
