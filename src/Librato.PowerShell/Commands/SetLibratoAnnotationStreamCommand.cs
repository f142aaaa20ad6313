using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Sets the display name of annotation streams.</summary>
    [Cmdlet(VerbsCommon.Set, "LibratoAnnotationStream", HelpUri = HelpLinks.Pages + "Set-LibratoAnnotationStream.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAnnotationStream))]
    public sealed class SetLibratoAnnotationStreamCommand : AnnotationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Stream")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string DisplayName { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (!ShouldProcess($"annotation stream '{name}'", $"Set display name to '{DisplayName}'"))
                {
                    continue;
                }

                ForAnnotation(name, null, name, () =>
                {
                    Await(ct => Client.UpdateAnnotationStreamAsync(name, DisplayName, Trace, ct));
                    if (PassThru)
                    {
                        WriteObject(Await(ct => Client.GetAnnotationStreamAsync(name, null, Trace, ct)));
                    }
                });
            }
        }
    }
}
