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

        private bool WithMeasurements => Count.HasValue || Resolution.HasValue || StartTime.HasValue || EndTime.HasValue || Source != null;

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
                    GetOne(name);
                }
            }
        }

        private void ListMetrics(WildcardFilter? filter, string? pattern)
        {
            var offset = 0;
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
            }
            while (page.HasMore);
        }

        private void GetOne(string name)
        {
            try
            {
                WriteObject(WithMeasurements ? ReadMeasurements(name) : Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric);
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no metric named '{name}'.", ex),
                    ErrorIds.MetricNotFound,
                    ErrorCategory.ObjectNotFound,
                    name));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, name));
            }
        }

        /// <summary>Reads every answer of a truncated read (<c>query.next_time</c>) into one metric.</summary>
        private LibratoMetric ReadMeasurements(string name)
        {
            var query = new MetricReadQuery
            {
                Count = Count,
                Resolution = Resolution,
                EndTime = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : (long?)null,
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

                if (!read.NextTime.HasValue || Count.HasValue || read.NextTime == query.StartTime)
                {
                    break;
                }

                query.StartTime = read.NextTime;
            }

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
