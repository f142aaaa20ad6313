using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Makes any text a valid Librato metric name (runs of other characters become one '-', at most 255 characters).</summary>
    [Cmdlet(VerbsData.ConvertTo, "LibratoMetricName", HelpUri = HelpLinks.Pages + "ConvertTo-LibratoMetricName.md")]
    [OutputType(typeof(string))]
    public sealed class ConvertToLibratoMetricNameCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string[] Name { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                WriteObject(MetricNameSanitizer.Sanitize(name));
            }
        }
    }
}
