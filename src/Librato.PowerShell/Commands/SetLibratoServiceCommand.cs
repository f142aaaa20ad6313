using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Changes a service's title, type or settings. The service is read first and written back whole; settings
    /// given are merged into the current ones (a $null value removes one) unless -ReplaceSettings is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LibratoService", HelpUri = HelpLinks.Pages + "Set-LibratoService.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoService))]
    public sealed class SetLibratoServiceCommand : AlertingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>The new title.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string? Title { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceTypeCompleter))]
        public string? Type { get; set; }

        [Parameter]
        [ValidateNotNull]
        public IDictionary? Settings { get; set; }

        /// <summary>The settings become exactly -Settings instead of being merged into the current ones.</summary>
        [Parameter]
        public SwitchParameter ReplaceSettings { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            if (Title == null && Type == null && Settings == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Nothing to set: give -Title, -Type or -Settings."),
                    ErrorIds.NothingToUpdate, ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                LibratoService? service = null;
                if (!TryCall(id, ErrorIds.ServiceNotFound, $"There is no service with id {id}.", () => service = Await(ct => Client.GetServiceAsync(id, Trace, ct))) ||
                    !ShouldProcess(Describe(service!), "Set"))
                {
                    continue;
                }

                var definition = ServiceDefinition.From(service!);
                definition.Title = Title ?? definition.Title;
                definition.Type = Type?.ToLowerInvariant() ?? definition.Type;
                if (Settings != null)
                {
                    var given = AttributeConversion.ToDictionary(Settings);
                    if (ReplaceSettings)
                    {
                        definition.Settings = given;
                    }
                    else
                    {
                        foreach (var change in given)
                        {
                            if (change.Value == null)
                            {
                                definition.Settings!.Remove(change.Key);
                            }
                            else
                            {
                                definition.Settings![change.Key] = change.Value;
                            }
                        }
                    }
                }

                if (TryCall(id, ErrorIds.ServiceNotFound, $"There is no service with id {id}.", () => Await(ct => Client.UpdateServiceAsync(id, definition, Trace, ct))) && PassThru)
                {
                    TryCall(id, ErrorIds.ServiceNotFound, $"There is no service with id {id}.", () => WriteObject(Await(ct => Client.GetServiceAsync(id, Trace, ct))));
                }
            }
        }
    }
}
