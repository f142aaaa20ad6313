using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Changes alerts. The API's PUT replaces conditions, services and attributes with what it is sent, so each
    /// alert is read, the changes are merged into it, and the whole alert is written back: nothing the command
    /// does not mention is lost. -ReplaceConditions, -ReplaceServices and -ReplaceAttributes replace on purpose.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LibratoAlert", HelpUri = HelpLinks.Pages + "Set-LibratoAlert.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class SetLibratoAlertCommand : AlertTargetCmdlet
    {
        private List<long>? serviceIds;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Description { get; set; }

        /// <summary>
        /// Conditions to add. One that watches the same thing as an existing condition (type, metric, source and
        /// tags) replaces it; the others are kept. With -ReplaceConditions these become all the conditions.
        /// </summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        [AlertConditionTransformation]
        [Alias("Conditions")]
        public AlertCondition[]? Condition { get; set; }

        [Parameter]
        public SwitchParameter ReplaceConditions { get; set; }

        /// <summary>Services to add (ids, titles or objects from Get-LibratoService). With -ReplaceServices these become all the services.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        [Alias("Services")]
        [ArgumentCompleter(typeof(ServiceTitleCompleter))]
        public object[]? Service { get; set; }

        [Parameter]
        public SwitchParameter ReplaceServices { get; set; }

        /// <summary>Attributes to set over the current ones; a $null value removes one. With -ReplaceAttributes these become all the attributes.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Attributes { get; set; }

        [Parameter]
        public SwitchParameter ReplaceAttributes { get; set; }

        /// <summary>Sets the runbook_url attribute; an empty string removes it.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? RunbookUrl { get; set; }

        [Parameter]
        public bool? Active { get; set; }

        [Parameter]
        public int? RearmSeconds { get; set; }

        [Parameter]
        public SwitchParameter RearmPerSignal { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var changes = new[]
            {
                nameof(NewName), nameof(Description), nameof(Condition), nameof(ReplaceConditions), nameof(Service), nameof(ReplaceServices),
                nameof(Attributes), nameof(ReplaceAttributes), nameof(RunbookUrl), nameof(Active), nameof(RearmSeconds), nameof(RearmPerSignal),
            };
            if (!changes.Any(Bound))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to set: give a change such as -Condition, -Service, -Attributes, -Description, -Active or -RearmSeconds."),
                    ErrorIds.NothingToUpdate, ErrorCategory.InvalidArgument, null));
            }

            foreach (var condition in Condition ?? new AlertCondition[0])
            {
                if (AlertRules.CheckCondition(condition) is ValidationError error)
                {
                    ThrowInvalid(error, condition);
                }
            }

            if (NewName != null && AlertRules.CheckName(NewName) is ValidationError nameError)
            {
                ThrowInvalid(nameError, NewName);
            }

            if (AlertRules.CheckRearmSeconds(RearmSeconds) is ValidationError rearmError)
            {
                ThrowInvalid(rearmError, RearmSeconds);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var alert in TargetAlerts())
            {
                if (!ShouldProcess(Describe(alert), ChangeAction(nameof(Id), nameof(Name))))
                {
                    continue;
                }

                var definition = Merge(alert);
                var written = TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.",
                    () => Await(ct => Client.UpdateAlertAsync(alert.Id, definition, Trace, ct)));
                if (written && PassThru)
                {
                    var updated = ReadAlert(alert.Id);
                    if (updated != null)
                    {
                        WriteObject(updated);
                    }
                }
            }
        }

        private AlertDefinition Merge(LibratoAlert alert)
        {
            var definition = AlertDefinition.From(alert);
            definition.Name = NewName ?? definition.Name;
            definition.Description = Description ?? definition.Description;
            var conditions = Condition ?? new AlertCondition[0];
            if (ReplaceConditions)
            {
                // Conditions read from this alert and sent back keep their ids; any other is new.
                var own = new HashSet<long>(alert.Conditions.Where(c => c.Id.HasValue).Select(c => c.Id!.Value));
                definition.Conditions = conditions.Select(c => c.Clone()).ToList();
                foreach (var condition in definition.Conditions)
                {
                    condition.Id = condition.Id.HasValue && own.Remove(condition.Id.Value) ? condition.Id : null;
                }
            }
            else
            {
                definition.MergeConditions(conditions);
            }

            if (Service != null || ReplaceServices)
            {
                serviceIds = serviceIds ?? ResolveServices(Service ?? new object[0]);
                if (ReplaceServices)
                {
                    definition.ServiceIds = new List<long>();
                }

                definition.MergeServices(serviceIds);
            }

            var attributes = AlertAttributes.From(Attributes, RunbookUrl);
            if (ReplaceAttributes)
            {
                definition.Attributes = new Dictionary<string, object?>();
            }

            if (attributes != null)
            {
                definition.MergeAttributes(attributes);
            }

            definition.Active = Active ?? definition.Active;
            definition.RearmSeconds = RearmSeconds ?? definition.RearmSeconds;
            if (Bound(nameof(RearmPerSignal)))
            {
                definition.RearmPerSignal = RearmPerSignal.IsPresent;
            }

            return definition;
        }
    }
}
