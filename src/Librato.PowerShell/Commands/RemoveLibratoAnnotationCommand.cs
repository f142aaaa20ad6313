using System.Globalization;
using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes annotation events, by stream and id or as piped from Get-LibratoAnnotation.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoAnnotation", HelpUri = HelpLinks.Pages + "Remove-LibratoAnnotation.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoAnnotationCommand : AnnotationCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name")]
        [ArgumentCompleter(typeof(AnnotationStreamNameCompleter))]
        public string Stream { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                var target = $"annotation {id.ToString(CultureInfo.InvariantCulture)} in stream '{Stream}'";
                if (Approve(target, "Remove annotation", Force))
                {
                    ForAnnotation(Stream, id, target, () => Await(ct => Client.DeleteAnnotationAsync(Stream, id, Trace, ct)));
                }
            }
        }
    }
}
