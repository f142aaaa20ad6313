using System;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists metrics (every page, as pages arrive), gets one by name, and with -Count, -Resolution, -StartTime,
    /// -EndTime or -Source reads each metric's legacy measurements, following the API's continuation.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoMetric")]
    [OutputType(typeof(LibratoMetric))]
    public sealed class GetLibratoMetricCommand : LibratoCmdlet
    {
        /// <summary>How far back measurements are read when neither -StartTime nor -Count is given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateRange(1, 100000)]
        public int? Count { get; set; }

        [Parameter]
        [ValidateRange(1, 604800)]
        public int? Resolution { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
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

        private bool WithMeasurements =>
            Count.HasValue || Resolution.HasValue || StartTime.HasValue || EndTime.HasValue || Source != null ||
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
        }

        private void GetOne(string name) =>
            ForMetric(name, () => WriteObject(WithMeasurements ? ReadMeasurements(name) : Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric));

        /// <summary>Reads every answer of a truncated read (<c>query.next_time</c>) into one metric.</summary>
        private LibratoMetric ReadMeasurements(string name)
        {
            var query = new MetricReadQuery
            {
                Count = Count,
                Resolution = Resolution,
                EndTime = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : (long?)null,
                SummarizeTime = SummarizeTime,
                SummarizeSources = SummarizeSources,
                BreakoutSources = MyInvocation.BoundParameters.ContainsKey(nameof(BreakoutSources)) ? BreakoutSources.IsPresent : (bool?)null,
                GroupBy = GroupBy?.ToLowerInvariant(),
            };
            if (StartTime.HasValue)
            {
                query.StartTime = EpochTime.FromDateTime(StartTime.Value);
            }
            else if (!Count.HasValue)
            {
                query.StartTime = (query.EndTime ?? EpochTime.Now()) - (long)DefaultWindow.TotalSeconds;
            }

            if (Source != null && Source.Length == 1)
            {
                query.Source = Source[0];
            }
            else if (Source != null)
            {
                query.Sources = Source;
            }

            LibratoMetric? metric = null;
            var answers = 0;
            var progress = new ProgressReporter(this, ProgressIds.ReadMeasurements, $"Reading the measurements of {name}", "points read");
            while (true)
            {
                var read = Await(ct => Client.GetMetricAsync(name, query, Trace, ct));
                answers++;
                if (metric == null)
                {
                    metric = read.Metric;
                }
                else
                {
                    foreach (var point in read.Metric.Measurements)
                    {
                        metric.Measurements.Add(point);
                    }
                }

                progress.Report(metric.Measurements.Count);
                if (!read.NextTime.HasValue || Count.HasValue || read.NextTime == query.StartTime)
                {
                    break;
                }

                query.StartTime = read.NextTime;
            }

            progress.Complete();

            if (answers > 1)
            {
                // Each answer lists every source; keep the promised order of source, then time.
                metric.Measurements = metric.Measurements
                    .OrderBy(m => m.Source, StringComparer.Ordinal)
                    .ThenBy(m => m.Time)
                    .ToList();
            }

            return metric;
        }
    }
}
