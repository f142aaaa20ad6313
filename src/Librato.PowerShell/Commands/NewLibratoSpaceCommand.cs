using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Creates spaces. Space names need not be unique; the API gives each space its own id.</summary>
    [Cmdlet(VerbsCommon.New, "LibratoSpace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
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

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            bool? tags = MyInvocation.BoundParameters.ContainsKey(nameof(Tagged)) ? Tagged.IsPresent : (bool?)null;
            foreach (var name in Name)
            {
                if (ShouldProcess($"space '{name}'", "Create space"))
                {
                    ForSpace(name, () => WriteObject(Await(ct => Client.CreateSpaceAsync(name, tags, Trace, ct))));
                    ForgetSpaceNames();
                }
            }
        }
    }
}
