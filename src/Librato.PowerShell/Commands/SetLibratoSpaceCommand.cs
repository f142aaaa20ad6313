using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Renames a space.</summary>
    [Cmdlet(VerbsCommon.Set, "LibratoSpace", HelpUri = HelpLinks.Pages + "Set-LibratoSpace.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoSpace))]
    public sealed class SetLibratoSpaceCommand : SpaceCmdlet
    {
        /// <summary>A space object, id or exact name (case ignored; it must name one space).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? Space { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string NewName { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            var space = FindSpace(Space!);
            if (space == null || !ShouldProcess("space " + Describe(space), $"Rename to '{NewName}'"))
            {
                return;
            }

            ForSpace(space, () =>
            {
                Await(ct => Client.RenameSpaceAsync(space.Id, NewName, Trace, ct));
                ForgetSpaceNames();
                if (PassThru)
                {
                    WriteObject(Await(ct => Client.GetSpaceAsync(space.Id, Trace, ct)));
                }
            });
        }
    }
}
