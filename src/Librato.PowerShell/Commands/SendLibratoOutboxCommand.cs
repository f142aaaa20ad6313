using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Sends the batches spooled in the session's outbox, oldest first.</summary>
    [Cmdlet(VerbsCommunications.Send, "LibratoOutbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OutboxResult))]
    public sealed class SendLibratoOutboxCommand : LibratoCmdlet
    {
        protected override void EndProcessing()
        {
            var outbox = ActiveSession.Outbox;
            if (outbox == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("This session has no outbox; connect with -OutboxPath to use one."),
                    ErrorIds.NoOutbox, ErrorCategory.InvalidOperation, ActiveSession));
                return;
            }

            if (ShouldProcess($"{outbox.Count} spooled batch(es) in '{outbox.Directory}'", "Send"))
            {
                WriteObject(OutboxDelivery.Deliver(this, outbox));
            }
        }
    }
}
