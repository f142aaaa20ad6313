using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Reads tagged series (with tag filters, grouping and summary functions) or evaluates a composite expression,
    /// writing one object per point as each answer arrives and following the API's continuation links.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoMeasurement", DefaultParameterSetName = MetricSet)]
    [OutputType(typeof(LibratoMeasurement))]
    public sealed class GetLibratoMeasurementCommand : LibratoCmdlet
    {
        public const string MetricSet = "Metric";
        public const string ComposeSet = "Compose";

        /// <summary>How far back points are read when neither -StartTime nor -Duration is given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Tag filters: tag name to a pattern or an array of patterns (<c>*</c> wildcards, <c>!</c> negates).</summary>
        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        /// <summary>A tag search expression, e.g. <c>region=us-east* and db=*prod*</c>.</summary>
        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        public string? TagSearch { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        public string[]? GroupBy { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateSet("sum", "min", "max", "mean", IgnoreCase = true)]
        public string? GroupByFunction { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateSet("sum", "min", "max", "count", "mean", "derivative", "stddev", "all", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        /// <summary>A composite expression such as <c>mean(s("temperature", "*", {function: "mean", period: "3600"}))</c>.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComposeSet)]
        [ValidateNotNullOrEmpty]
        public string? Compose { get; set; }

        /// <summary>Evaluate the composite over tagged data (<c>GET /v1/measurements?compose=</c>) instead of sources.</summary>
        [Parameter(ParameterSetName = ComposeSet)]
        public SwitchParameter Tagged { get; set; }

        [Parameter]
        [ValidateRange(1, 604800)]
        public int Resolution { get; set; } = 60;

        [Parameter]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>How far back from the end time to read (a TimeSpan, or seconds) when -StartTime is not given.</summary>
        [Parameter]
        [Seconds]
        public TimeSpan? Duration { get; set; }

        private ProgressReporter? progress;
        private long read;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ReadMeasurements, "Reading Librato measurements", "points read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ComposeSet)
            {
                Read(Compose!, next => Client.ComposeAsync(Compose!, Query(), Tagged, Trace, Cancellation), isComposite: true);
                return;
            }

            foreach (var raw in Name)
            {
                var name = ActiveSession.MetricName(raw);
                var query = Query();
                Read(name, next => Client.ReadMeasurementsAsync(name, query, next, Trace, Cancellation), isComposite: false);
            }
        }

        private void Read(string target, Func<string?, System.Threading.Tasks.Task<SeriesRead>> readAnswer, bool isComposite)
        {
            string? next = null;
            do
            {
                SeriesRead answer;
                try
                {
                    var from = next;
                    answer = Await(_ => readAnswer(from));
                }
                catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound && !isComposite)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no metric named '{target}'.", ex), ErrorIds.MetricNotFound, ErrorCategory.ObjectNotFound, target));
                    return;
                }
                catch (LibratoApiException ex)
                {
                    WriteError(ApiErrors.ToRecord(ex, target, isComposite && ex.Kind == LibratoErrorKind.InvalidRequest ? ErrorIds.InvalidComposite : null));
                    return;
                }

                foreach (var point in answer.Points)
                {
                    WriteObject(point);
                }

                read += answer.Points.Count;
                progress!.Report(read);

                next = answer.Next;
            }
            while (next != null);
        }

        private TaggedReadQuery Query()
        {
            var query = new TaggedReadQuery
            {
                Resolution = Resolution,
                EndTime = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : (long?)null,
                TagsSearch = TagSearch,
                GroupByFunction = GroupByFunction?.ToLowerInvariant(),
                SummaryFunction = SummaryFunction?.ToLowerInvariant(),
            };
            // Always a start time: the composite routes require one, and a fixed window keeps continuations stable.
            query.StartTime = StartTime.HasValue
                ? EpochTime.FromDateTime(StartTime.Value)
                : (query.EndTime ?? EpochTime.Now()) - (long)(Duration ?? DefaultWindow).TotalSeconds;

            if (GroupBy != null)
            {
                query.GroupBy = GroupBy;
            }

            TagFilters.AddTo(query.Tags, Tag);
            return query;
        }
    }
}
