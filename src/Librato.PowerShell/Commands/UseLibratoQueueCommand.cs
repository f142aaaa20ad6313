using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Runs a script block with a new queue (as <c>$_</c> and its first argument) and submits the queue afterwards,
    /// also when the block throws; the block's output passes through.
    /// </summary>
    [Cmdlet(VerbsOther.Use, "LibratoQueue", HelpUri = HelpLinks.Pages + "Use-LibratoQueue.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(object))]
    public sealed class UseLibratoQueueCommand : QueueCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ScriptBlock? ScriptBlock { get; set; }

        protected override void EndProcessing()
        {
            using (var queue = CreateQueue())
            {
                try
                {
                    var variables = new List<PSVariable> { new PSVariable("_", queue) };
                    foreach (var output in ScriptBlock!.InvokeWithContext(null, variables, queue))
                    {
                        WriteObject(output);
                    }
                }
                finally
                {
                    // What the block added before failing is still sent, as the original context manager does.
                    if (queue.Count > 0 && ShouldProcess($"{queue.Count} queued measurement(s) to {queue.Session.Endpoint}", "Submit"))
                    {
                        SubmitQueue(queue);
                    }

                    if (queue.Count > 0)
                    {
                        // The queue ends with this command; what it could not deliver is in its outbox, or else goes to Unsent.
                        var left = queue.Core.Pending;
                        if (queue.Core.OutboxDirectory == null)
                        {
                            queue.Session.KeepUnsent(left);
                        }

                        WriteWarning($"{left.Count} measurement(s) were not delivered; they were kept " +
                            (queue.Core.OutboxDirectory != null ? $"in the outbox '{queue.Core.OutboxDirectory}' for the next run." : "in the session's Unsent list."));
                    }
                }
            }
        }
    }
}
