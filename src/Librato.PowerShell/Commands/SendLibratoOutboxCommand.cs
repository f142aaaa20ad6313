using System.Management.Automation;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Sends what waits in the session's outbox, oldest first, without sending anything new.</summary>
    [Cmdlet(VerbsCommunications.Send, "LibratoOutbox", HelpUri = HelpLinks.Pages + "Send-LibratoOutbox.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OutboxDeliveryResult))]
    public sealed class SendLibratoOutboxCommand : LibratoCmdlet
    {
        protected override void EndProcessing()
        {
            var session = ActiveSession;
            var outbox = session.Outbox;
            if (outbox == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException("This session has no outbox; connect with -OutboxPath to use one."),
                    ErrorIds.NoOutbox, ErrorCategory.InvalidOperation, session));
                return;
            }

            if (!ShouldProcess($"{outbox.Count} outbox file(s) in '{outbox.Directory}'", "Send"))
            {
                return;
            }

            var progress = new ProgressReporter(this, ProgressIds.DeliverOutbox, "Sending the Librato outbox", "measurements sent from the outbox");
            using (var sender = session.CreateSender(MeasurementBatcher.DefaultBatchSize, SenderOptions.DefaultThrottleLimit, Trace, Cancellation))
            {
                var report = new SendReport(this, session, passThru: false);
                var result = Await(
                    ct => Task.Run(() => sender.DeliverOutbox(Client.Options.Validator, ct), ct),
                    () =>
                    {
                        report.Drain(sender);
                        progress.Report(sender.DeliveredFromOutbox);
                    });
                report.Drain(sender);
                progress.Complete();
                if (result.StoppedBy != null)
                {
                    if (ApiErrors.EndsCommand(result.StoppedBy))
                    {
                        ThrowTerminatingError(ApiErrors.ToRecord(result.StoppedBy, null));
                    }

                    WriteWarning($"The outbox could not be delivered yet ({result.StoppedBy.Message}); {result.Remaining} file(s) wait in '{result.Directory}'.");
                }

                WriteObject(result);
            }
        }
    }
}
