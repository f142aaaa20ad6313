using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Sends everything a queue holds. Each batch leaves the queue only once the API accepted it; batches refused for
    /// good are reported and kept in the queue's Failed list; a transient failure stops the submission and keeps the rest.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "LibratoQueue", HelpUri = HelpLinks.Pages + "Submit-LibratoQueue.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(QueueSubmitResult))]
    public sealed class SubmitLibratoQueueCommand : LibratoCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public LibratoQueue? Queue { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Session ??= Queue!.Session;

            // A queue whose session was disconnected cannot send: say so with the session's own error.
            _ = ActiveSession;
            if (!ShouldProcess($"{Queue!.Count} queued measurement(s) to {Queue.Session.Endpoint}", "Submit"))
            {
                return;
            }

            var result = SubmitQueue(Queue);
            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }
}
