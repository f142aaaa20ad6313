using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Sets a metric's properties and attributes: one metric, every metric piped in (one batch request), or every
    /// metric matching a pattern minus exclusions. Attributes not mentioned are left as they are.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LibratoMetric", HelpUri = HelpLinks.Pages + "Set-LibratoMetric.md", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoMetric))]
    public sealed class SetLibratoMetricCommand : MetricSelectionCmdlet
    {
        private readonly List<string> names = new List<string>();

        /// <summary>gauge or counter: creates the metric when it does not exist (one name only).</summary>
        [Parameter(ParameterSetName = NameSet)]
        [ValidateSet("gauge", "counter", IgnoreCase = true)]
        public string? Type { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DisplayName { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        /// <summary>Attributes to set, e.g. the Attributes of a metric read with Get-LibratoMetric after changing some.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Attributes { get; set; }

        [Parameter]
        public string? DisplayUnitsLong { get; set; }

        [Parameter]
        public string? DisplayUnitsShort { get; set; }

        [Parameter]
        public double? DisplayMin { get; set; }

        [Parameter]
        public double? DisplayMax { get; set; }

        [Parameter]
        public bool? DisplayStacked { get; set; }

        [Parameter]
        [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
        public string? Color { get; set; }

        [Parameter]
        [ValidateSet("average", "sum", "count", "min", "max", IgnoreCase = true)]
        public string? SummarizeFunction { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (RefuseWildcardName(name, "change"))
                {
                    continue;
                }

                var metric = ActiveSession.MetricName(name);
                if (!MeasurementValidator.IsValidMetricName(metric))
                {
                    // Refused here, as Send-LibratoMetric refuses it, rather than by the API after a request.
                    WriteError(new ErrorRecord(
                        new PSArgumentException(MeasurementValidator.NameProblem(metric) + " " + RefusalText.MetricNameFix),
                        ErrorIds.ForValidation(ValidationCodes.InvalidMetricName), ErrorCategory.InvalidArgument, name));
                    continue;
                }

                names.Add(metric);
            }
        }

        protected override void EndProcessing()
        {
            var update = BuildUpdate();
            if (update.IsEmpty)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to set: give a property such as -Description, -DisplayName, -Period or -Attributes."),
                    ErrorIds.NothingToUpdate, ErrorCategory.InvalidArgument, null));
            }

            if (ParameterSetName == PatternSet)
            {
                var change = ChangeAction(nameof(Pattern), nameof(Exclude));
                var selected = ApprovePattern(change, "set", force: false);
                if (selected != null)
                {
                    ForMetric(PatternTarget, () => Await(ct => Client.UpdateMetricsAsync(PatternSelection, update, Trace, ct)));
                    WriteVerbose(change + " of " + Describe(selected) + ".");
                }

                return;
            }

            var action = ChangeAction(nameof(Name));
            var approved = names.FindAll(n => ShouldProcess("metric '" + n + "'", action));
            if (approved.Count == 1)
            {
                ForMetric(approved[0], () =>
                {
                    try
                    {
                        Await(ct => Client.PutMetricAsync(approved[0], update, Trace, ct));
                    }
                    catch (LibratoApiException ex) when (IsMissingMetric(ex, update))
                    {
                        // The API creates a metric on PUT and then wants its type: for the user, the metric is not there.
                        WriteError(new ErrorRecord(
                            new ItemNotFoundException(
                                $"There is no metric named '{approved[0]}' to change. Send a measurement to create it, or add -Type gauge " +
                                $"(or counter) to create it with these settings. {SimilarNamesHint(approved[0])}",
                                ex),
                            ErrorIds.MetricNotFound,
                            ErrorCategory.ObjectNotFound,
                            approved[0]));
                    }
                });
            }
            else if (approved.Count > 1)
            {
                // A batch update cannot create metrics, so it takes no type.
                update.Type = null;
                ForMetric(approved.ToArray(), () => Await(ct => Client.UpdateMetricsAsync(MetricSelection.ByNames(approved), update, Trace, ct)));
            }

            if (PassThru)
            {
                foreach (var name in approved)
                {
                    ForMetric(name, () => WriteObject(Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric));
                }
            }
        }

        private MetricUpdate BuildUpdate()
        {
            var update = new MetricUpdate
            {
                Type = Type?.ToLowerInvariant(),
                DisplayName = DisplayName,
                Description = Description,
                Period = Period,
                Attributes = AttributeConversion.ToDictionary(Attributes),
            };
            SetAttribute(update, "display_units_long", DisplayUnitsLong);
            SetAttribute(update, "display_units_short", DisplayUnitsShort);
            SetAttribute(update, "display_min", DisplayMin);
            SetAttribute(update, "display_max", DisplayMax);
            SetAttribute(update, "display_stacked", DisplayStacked);
            SetAttribute(update, "color", Color);
            SetAttribute(update, "summarize_function", SummarizeFunction?.ToLowerInvariant());
            return update;
        }

        private static void SetAttribute(MetricUpdate update, string name, object? value)
        {
            if (value != null)
            {
                update.Attributes[name] = value;
            }
        }

        private static bool IsMissingMetric(LibratoApiException ex, MetricUpdate update) =>
            ex.Kind == LibratoErrorKind.InvalidRequest && update.Type == null &&
            ex.ApiErrors.Any(e => e.StartsWith("type", StringComparison.OrdinalIgnoreCase) && e.IndexOf("create", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
