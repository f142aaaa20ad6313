using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes annotation streams with all their events.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoAnnotationStream", HelpUri = HelpLinks.Pages + "Remove-LibratoAnnotationStream.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoAnnotationStreamCommand : AnnotationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Stream")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (Approve($"annotation stream '{name}'", "Remove the stream and all its annotations", Force))
                {
                    ForAnnotation(name, null, name, () => Await(ct => Client.DeleteAnnotationStreamAsync(name, Trace, ct)));
                    ForgetStreamNames();
                }
            }
        }
    }
}
