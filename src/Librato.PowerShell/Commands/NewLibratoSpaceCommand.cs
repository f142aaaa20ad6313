using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Creates spaces. The API lets two spaces share a name, which then makes every command by name ambiguous, so a
    /// name that exists already is Librato.AlreadyExists unless -Force asks for a second space of that name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LibratoSpace", HelpUri = HelpLinks.Pages + "New-LibratoSpace.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoSpace))]
    public sealed class NewLibratoSpaceCommand : SpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Marks the space as a tagged space (the API's <c>tags</c> flag).</summary>
        [Parameter]
        public SwitchParameter Tagged { get; set; }

        /// <summary>Creates the space even when a space of that name exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            bool? tags = MyInvocation.BoundParameters.ContainsKey(nameof(Tagged)) ? Tagged.IsPresent : (bool?)null;
            foreach (var name in Name)
            {
                if (!Force && ListSpaces(name, literal: true).FirstOrDefault() is LibratoSpace existing)
                {
                    WriteError(new ErrorRecord(
                        new PSArgumentException(
                            $"A space named '{existing.Name}' exists already (id {existing.Id}). Use it (Get-LibratoSpace '{existing.Name}'), " +
                            "give another name, or add -Force for a second space of that name."),
                        ErrorIds.AlreadyExists,
                        ErrorCategory.ResourceExists,
                        name));
                    continue;
                }

                if (ShouldProcess($"space '{name}'", "Create space"))
                {
                    ForSpace(name, () => WriteObject(Await(ct => Client.CreateSpaceAsync(name, tags, Trace, ct))));
                    ForgetSpaceNames();
                }
            }
        }
    }
}
