using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Creates a service (a notification target for alerts) and returns it.</summary>
    [Cmdlet(VerbsCommon.New, "LibratoService", HelpUri = HelpLinks.Pages + "New-LibratoService.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoService))]
    public sealed class NewLibratoServiceCommand : AlertingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string Title { get; set; } = string.Empty;

        /// <summary>The integration: mail, slack, pagerduty, webhook and others the API knows.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceTypeCompleter))]
        public string Type { get; set; } = string.Empty;

        /// <summary>The integration's settings, e.g. @{ addresses = 'ops@example.com' } for mail or @{ url = '…' } for Slack.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public IDictionary Settings { get; set; } = new Hashtable();

        protected override void BeginProcessing() => _ = ActiveSession;

        /// <summary>Creates the service even when a service of that title exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            // Alerts name services by title: a second service of one title makes every such reference ambiguous.
            if (!Force && FindServiceTitled(Title) is LibratoService existing)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException(
                        $"A service titled '{existing.Title}' exists already (id {existing.Id}, {existing.Type}). Change it with Set-LibratoService, " +
                        "give another title, or add -Force for a second service of that title."),
                    ErrorIds.AlreadyExists,
                    ErrorCategory.ResourceExists,
                    Title));
                return;
            }

            if (!ShouldProcess(Title, "Create " + Type.ToLowerInvariant() + " service"))
            {
                return;
            }

            var definition = new ServiceDefinition
            {
                Title = Title,
                Type = Type.ToLowerInvariant(),
                Settings = AttributeConversion.ToDictionary(Settings),
            };
            try
            {
                WriteObject(Await(ct => Client.CreateServiceAsync(definition, Trace, ct)));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, Title));
            }
        }
    }
}
