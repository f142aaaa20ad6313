using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Creates an alert and returns it with its conditions and services. Conditions come from
    /// New-LibratoAlertCondition (or hashtables), or for the common single condition from the inline parameters
    /// -MetricName with -Above, -Below or -Absent. Every rule is checked before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LibratoAlert", HelpUri = HelpLinks.Pages + "New-LibratoAlert.md", DefaultParameterSetName = ConditionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class NewLibratoAlertCommand : AlertingCmdlet
    {
        public const string ConditionSet = "Condition";
        public const string AboveSet = "Above";
        public const string BelowSet = "Below";
        public const string AbsentSet = "Absent";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Conditions from New-LibratoAlertCondition, or hashtables with the API's condition fields; all must hold for the alert to fire.</summary>
        [Parameter(Position = 1)]
        [AllowEmptyCollection]
        [AlertConditionTransformation]
        [Alias("Conditions")]
        public AlertCondition[]? Condition { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AboveSet)]
        [Parameter(Mandatory = true, ParameterSetName = BelowSet)]
        [Parameter(Mandatory = true, ParameterSetName = AbsentSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Metric")]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string? MetricName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AboveSet)]
        public double Above { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = BelowSet)]
        public double Below { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AbsentSet)]
        public SwitchParameter Absent { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [ArgumentCompleter(typeof(SummaryFunctionCompleter))]
        public string? SummaryFunction { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [Parameter(ParameterSetName = AbsentSet)]
        [Seconds]
        public TimeSpan? Duration { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [Parameter(ParameterSetName = AbsentSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [Parameter(ParameterSetName = AbsentSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public IDictionary? Tag { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [Parameter(ParameterSetName = AbsentSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? GroupedTag { get; set; }

        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        public bool? DetectReset { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>Services to notify: ids, titles, or objects from Get-LibratoService.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Services")]
        [ArgumentCompleter(typeof(ServiceTitleCompleter))]
        public object[]? Service { get; set; }

        /// <summary>Free-form attributes, such as runbook_url.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Attributes { get; set; }

        /// <summary>Sets the runbook_url attribute, shown with the alert's notifications.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RunbookUrl { get; set; }

        /// <summary>Seconds before the alert can fire again after firing: a positive multiple of 60 (the API's default is 600).</summary>
        [Parameter]
        public int? RearmSeconds { get; set; }

        /// <summary>Rearms separately for each series (source or tag set) that fired.</summary>
        [Parameter]
        public SwitchParameter RearmPerSignal { get; set; }

        /// <summary>Whether the alert is enabled; true unless given as $false.</summary>
        [Parameter]
        public bool Active { get; set; } = true;

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            var conditions = (Condition ?? new AlertCondition[0]).Where(c => c != null).Select(c => c.Clone()).ToList();
            if (ParameterSetName != ConditionSet)
            {
                var type = ParameterSetName == AbsentSet ? AlertCondition.Absent : ParameterSetName == BelowSet ? AlertCondition.Below : AlertCondition.Above;
                double? threshold = ParameterSetName == AboveSet ? Above : ParameterSetName == BelowSet ? Below : (double?)null;
                var inline = ConditionBuilder.Build(MetricName!, type, threshold, SummaryFunction, Duration, Source, Tag, GroupedTag, DetectReset, out var inlineError);
                if (inlineError != null)
                {
                    ThrowInvalid(inlineError, inline);
                }

                conditions.Insert(0, inline);
            }

            foreach (var condition in conditions)
            {
                condition.Id = null;
                if (AlertRules.CheckCondition(condition) is ValidationError error)
                {
                    ThrowInvalid(error, condition);
                }
            }

            if (AlertRules.CheckName(Name) is ValidationError nameError)
            {
                ThrowInvalid(nameError, Name);
            }

            if (AlertRules.CheckRearmSeconds(RearmSeconds) is ValidationError rearmError)
            {
                ThrowInvalid(rearmError, RearmSeconds);
            }

            if (!ShouldProcess(Name, $"Create alert with {conditions.Count} condition(s)"))
            {
                return;
            }

            var definition = new AlertDefinition
            {
                Name = Name,
                Description = Description,
                Conditions = conditions,
                ServiceIds = Service == null ? null : ResolveServices(Service),
                Attributes = AlertAttributes.From(Attributes, RunbookUrl),
                Active = Active,
                RearmSeconds = RearmSeconds,
                RearmPerSignal = RearmPerSignal.IsPresent ? true : (bool?)null,
            };
            try
            {
                WriteObject(Await(ct => Client.CreateAlertAsync(definition, Trace, ct)));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, Name));
            }
        }
    }
}
