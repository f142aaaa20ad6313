using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Creates a queue a script adds measurements to over time and submits in batches.</summary>
    [Cmdlet(VerbsCommon.New, "LibratoQueue", HelpUri = HelpLinks.Pages + "New-LibratoQueue.md")]
    [OutputType(typeof(LibratoQueue))]
    public sealed class NewLibratoQueueCommand : QueueCmdlet
    {
        protected override void EndProcessing() => WriteObject(CreateQueue());
    }
}
