using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Changes charts: renames them, changes their type, streams and attributes (a parameter given $null clears its
    /// field), or saves a chart object changed in the script (-Instance), as the original's chart.save() does.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LibratoChart", HelpUri = HelpLinks.Pages + "Set-LibratoChart.md", DefaultParameterSetName = ChartSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoChart))]
    public sealed class SetLibratoChartCommand : SpaceCmdlet
    {
        public const string ChartSet = "Chart";
        public const string InstanceSet = "Instance";

        /// <summary>A chart object, or a chart id or exact name with -Space.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ChartSet)]
        [ChartTransformation]
        public ChartIdentity? Chart { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? Space { get; set; }

        /// <summary>A chart object whose properties were changed: every field is saved as the object has it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InstanceSet)]
        [ValidateNotNull]
        public LibratoChart? Instance { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string? NewName { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        [ValidateSet(LibratoChart.Line, LibratoChart.Stacked, LibratoChart.BigNumber, IgnoreCase = true)]
        public string? Type { get; set; }

        /// <summary>Replaces all the chart's streams; streams read from this chart keep their ids.</summary>
        [Parameter(ParameterSetName = ChartSet)]
        [ChartStreamTransformation]
        [AllowEmptyCollection]
        [Alias("Streams")]
        public LibratoChartStream[]? Stream { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        public double? Min { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        public double? Max { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        [AllowNull]
        [AllowEmptyString]
        public string? Label { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        public SwitchParameter UseLogYAxis { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        [AllowNull]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? RelatedSpace { get; set; }

        [Parameter(ParameterSetName = ChartSet)]
        public SwitchParameter UseLastValue { get; set; }

        /// <summary>Replaces the thresholds; $null or an empty list removes them.</summary>
        [Parameter(ParameterSetName = ChartSet)]
        [AllowNull]
        [AllowEmptyCollection]
        public LibratoChartThreshold[]? Threshold { get; set; }

        /// <summary>Writes the updated chart.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            if (ParameterSetName == ChartSet && !ChangedParameters(nameof(Chart), nameof(Space)).Any())
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to set: give -NewName, -Type, -Stream, -Min, -Max, -Label, -UseLogYAxis, -RelatedSpace, -UseLastValue or -Threshold, or save a changed chart with -Instance."),
                    ErrorIds.NothingToUpdate, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            LibratoChart? chart;
            ChartUpdate update;
            if (ParameterSetName == InstanceSet)
            {
                chart = Instance!;
                if (chart.Id <= 0 || chart.SpaceId <= 0)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException("The chart has no id or space id: save a chart read with Get-LibratoChart, or create one with Add-LibratoChart."),
                        ErrorIds.ChartNotFound, ErrorCategory.InvalidArgument, chart));
                }

                update = ChartUpdate.Replacing(chart, keepStreamIds: true);
            }
            else
            {
                chart = FindChart(Chart!, Space);
                if (chart == null || !TryBuild(out update))
                {
                    return;
                }

                if (update.Streams != null)
                {
                    // Only this chart's own streams keep their ids; a stream taken from another chart is added as new.
                    var own = new HashSet<long>(chart.Streams.Select(s => s.Id).Where(id => id != 0));
                    update.Streams = update.Streams.Select(s => own.Contains(s.Id) ? s : s.CopyUnsaved()).ToList();
                }
            }

            if (!ShouldProcess("chart " + Describe(chart), "Set " + string.Join(", ", Changes(update))))
            {
                return;
            }

            ForChart(chart, () =>
            {
                var updated = Await(ct => Client.UpdateChartAsync(chart.SpaceId, chart.Id, update, Trace, ct));
                if (PassThru)
                {
                    WriteObject(updated);
                }
            });
        }

        private bool TryBuild(out ChartUpdate update)
        {
            var bound = MyInvocation.BoundParameters;
            update = new ChartUpdate
            {
                Name = NewName,
                Type = Type?.ToLowerInvariant(),
                Streams = Stream?.ToList(),
                KeepStreamIds = true,
                Min = Min,
                Max = Max,
                Label = string.IsNullOrEmpty(Label) ? null : Label,
                Thresholds = Threshold == null || Threshold.Length == 0 ? null : Threshold.ToList(),
                UseLogYAxis = ChartStreamBuilder.Flag(this, nameof(UseLogYAxis), UseLogYAxis),
                UseLastValue = ChartStreamBuilder.Flag(this, nameof(UseLastValue), UseLastValue),
            };
            ClearIfNull(update, "min", bound.ContainsKey(nameof(Min)) && !Min.HasValue);
            ClearIfNull(update, "max", bound.ContainsKey(nameof(Max)) && !Max.HasValue);
            ClearIfNull(update, "label", bound.ContainsKey(nameof(Label)) && update.Label == null);
            ClearIfNull(update, "thresholds", bound.ContainsKey(nameof(Threshold)) && update.Thresholds == null);
            if (bound.ContainsKey(nameof(RelatedSpace)))
            {
                if (RelatedSpace == null)
                {
                    update.Clear.Add("related_space");
                }
                else
                {
                    var related = FindSpace(RelatedSpace);
                    if (related == null)
                    {
                        return false;
                    }

                    update.RelatedSpace = related.Id;
                }
            }

            return true;
        }

        private static void ClearIfNull(ChartUpdate update, string field, bool clear)
        {
            if (clear)
            {
                update.Clear.Add(field);
            }
        }

        private static IEnumerable<string> Changes(ChartUpdate update)
        {
            if (update.Name != null)
            {
                yield return $"name '{update.Name}'";
            }

            if (update.Type != null)
            {
                yield return "type " + update.Type;
            }

            if (update.Streams != null)
            {
                yield return $"{update.Streams.Count} stream(s)";
            }

            if (update.Min.HasValue)
            {
                yield return "min " + update.Min.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (update.Max.HasValue)
            {
                yield return "max " + update.Max.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (update.Label != null)
            {
                yield return $"label '{update.Label}'";
            }

            if (update.RelatedSpace.HasValue)
            {
                yield return "related space " + update.RelatedSpace.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (update.UseLogYAxis.HasValue)
            {
                yield return "use_log_yaxis " + (update.UseLogYAxis.Value ? "true" : "false");
            }

            if (update.UseLastValue.HasValue)
            {
                yield return "use_last_value " + (update.UseLastValue.Value ? "true" : "false");
            }

            if (update.Thresholds != null)
            {
                yield return $"{update.Thresholds.Count} threshold(s)";
            }

            foreach (var field in update.Clear.OrderBy(f => f, System.StringComparer.Ordinal))
            {
                yield return "clear " + field;
            }
        }
    }
}
