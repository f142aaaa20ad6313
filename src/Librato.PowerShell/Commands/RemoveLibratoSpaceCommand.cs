using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes spaces with all their charts.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoSpace", HelpUri = HelpLinks.Pages + "Remove-LibratoSpace.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoSpaceCommand : SpaceCmdlet
    {
        /// <summary>Space objects, ids or exact names (case ignored; a name must name one space).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity[] Space { get; set; } = new SpaceIdentity[0];

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var identity in Space)
            {
                var space = FindSpace(identity);
                if (space != null && Approve("space " + Describe(space), "Remove the space and all its charts", Force))
                {
                    ForSpace(identity, () => Await(ct => Client.DeleteSpaceAsync(space.Id, Trace, ct)));
                    ForgetSpaceNames();
                }
            }
        }
    }
}
