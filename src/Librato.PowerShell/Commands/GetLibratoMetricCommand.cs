using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists metrics (every page, as pages arrive), gets one by name, and with any window parameter, -Source or -Tag
    /// reads each metric's points into <see cref="LibratoMetric.Measurements"/>, by source or tagged alike.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoMetric", HelpUri = HelpLinks.Pages + "Get-LibratoMetric.md")]
    [OutputType(typeof(LibratoMetric))]
    public sealed class GetLibratoMetricCommand : PointReadCmdlet
    {
        /// <summary>The type name a metric read with its points carries, for its own format view.</summary>
        public const string MeasuredTypeName = "Librato.Api.LibratoMetric#Measurements";

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Source { get; set; }

        /// <summary>One point per source summarizing the whole interval.</summary>
        [Parameter]
        public SwitchParameter SummarizeTime { get; set; }

        /// <summary>Adds the source <c>all</c> that summarizes every source.</summary>
        [Parameter]
        public SwitchParameter SummarizeSources { get; set; }

        /// <summary>With -BreakoutSources:$false only the <c>all</c> series comes back.</summary>
        [Parameter]
        public SwitchParameter BreakoutSources { get; set; }

        /// <summary>Combines the sources with this function into the source <c>all</c>.</summary>
        [Parameter]
        [ValidateSet("min", "max", "mean", "sum", "count", IgnoreCase = true)]
        public string? GroupBy { get; set; }

        /// <summary>Tag filters of tagged series: tag name to a pattern or an array of patterns (<c>*</c> wildcards, <c>!</c> negates).</summary>
        [Parameter]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public Hashtable? Tag { get; set; }

        /// <summary>A tag search expression, e.g. <c>region=us-east* and db=*prod*</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagCompleter))]
        public string? TagSearch { get; set; }

        private bool WithMeasurements =>
            HasWindow || Source != null || Tag != null || TagSearch != null ||
            SummarizeTime || SummarizeSources || MyInvocation.BoundParameters.ContainsKey(nameof(BreakoutSources)) || GroupBy != null;

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            if (Name == null)
            {
                ListMetrics(null, null);
                return;
            }

            foreach (var name in Name)
            {
                if (WildcardFilter.HasWildcards(name))
                {
                    ListMetrics(new WildcardFilter(name), name);
                }
                else
                {
                    GetOne(ActiveSession.MetricName(name));
                }
            }
        }

        private void ListMetrics(WildcardFilter? filter, string? pattern)
        {
            var offset = 0;
            var matched = 0;
            var progress = new ProgressReporter(this, ProgressIds.ListMetrics, "Listing Librato metrics", "metrics read");
            Page<LibratoMetric> page;
            do
            {
                var from = offset;
                try
                {
                    page = Await(ct => Client.ListMetricsAsync(filter?.ServerFilter, from, LibratoClient.MaxPageLength, Trace, ct));
                }
                catch (LibratoApiException ex)
                {
                    ThrowTerminatingError(ApiErrors.ToRecord(ex, pattern));
                    return;
                }

                foreach (var metric in page.Items)
                {
                    if (filter != null && !filter.IsMatch(metric.Name))
                    {
                        continue;
                    }

                    matched++;

                    if (WithMeasurements)
                    {
                        GetOne(metric.Name);
                    }
                    else
                    {
                        WriteObject(metric);
                    }
                }

                offset = page.NextOffset;
                progress.Report(offset);
            }
            while (page.HasMore);

            progress.Complete();
            if (matched == 0 && pattern != null)
            {
                // A pattern that matches nothing is not an error, but silence would read as "no such thing looked for".
                var stem = pattern.TrimEnd('*', '?').TrimEnd('.');
                WriteWarning(stem.Trim('*', '?').Length == 0
                    ? $"No metric matches '{pattern}': the account has none yet."
                    : $"No metric matches '{pattern}'. {SimilarNamesHint(stem)}");
            }
        }

        private void GetOne(string name)
        {
            if (WithMeasurements)
            {
                if (ReadMeasurements(name) is LibratoMetric read)
                {
                    // Read with its points, the metric takes the view that shows how many and the latest.
                    var shown = new PSObject(read);
                    shown.TypeNames.Insert(0, MeasuredTypeName);
                    WriteObject(shown);
                }

                return;
            }

            ForMetric(name, () => WriteObject(Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric));
        }

        /// <summary>Reads the metric's points, of whichever kind, into one metric object.</summary>
        private LibratoMetric? ReadMeasurements(string name)
        {
            var query = Window();
            query.SummarizeTime = SummarizeTime;
            query.SummarizeSources = SummarizeSources;
            query.BreakoutSources = MyInvocation.BoundParameters.ContainsKey(nameof(BreakoutSources)) ? BreakoutSources.IsPresent : (bool?)null;
            query.SourceGroupBy = GroupBy?.ToLowerInvariant();
            query.TagsSearch = TagSearch;
            foreach (var source in Source ?? new string[0])
            {
                query.Sources.Add(source);
            }

            TagFilters.AddTo(query.Tags, Tag);

            var points = new List<LibratoMeasurement>();
            var answers = 0;
            var reader = ReadPoints(name, query, page =>
            {
                points.AddRange(page);
                answers++;
            }, $"Reading the measurements of {name}");
            if (reader == null)
            {
                return null;
            }

            // A tagged read does not bring the metric's properties; the read by source does.
            var metric = reader.Metric;
            ForMetric(name, () => metric = metric ?? Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric);
            if (metric == null)
            {
                return null;
            }

            metric.Resolution = reader.Resolution ?? query.Resolution ?? (reader.Found == SeriesKind.Tags ? PointQuery.DefaultTaggedResolution : 1);
            metric.Measurements = answers > 1 ? points.OrderBy(SeriesLabel.Of, StringComparer.Ordinal).ThenBy(m => m.Time).ToList() : points;
            return metric;
        }
    }
}
