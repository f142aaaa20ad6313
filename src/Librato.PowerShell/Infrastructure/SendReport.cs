using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Turns what the sending engine says into PowerShell's streams, on the pipeline thread: each batch's refused
    /// measurements as errors with themselves as target, what was not delivered as a warning (kept in the outbox) or
    /// an error (kept nowhere else), accepted measurements for -PassThru, and the engine's notices about the outbox.
    /// </summary>
    internal sealed class SendReport
    {
        private readonly LibratoCmdlet cmdlet;
        private readonly LibratoSession session;
        private readonly bool passThru;

        private readonly MeasurementPool? pool;

        /// <param name="pool">Where accepted measurements go back to be read into again; only without -PassThru, which writes them out.</param>
        public SendReport(LibratoCmdlet cmdlet, LibratoSession session, bool passThru, MeasurementPool? pool = null)
        {
            this.cmdlet = cmdlet;
            this.session = session;
            this.passThru = passThru;
            this.pool = passThru ? null : pool;
        }

        /// <summary>Measurements the API accepted so far.</summary>
        public long Sent { get; private set; }

        /// <summary>The failure that ends the command (a certificate or proxy problem), once one was reported.</summary>
        public LibratoApiException? Ending { get; private set; }

        /// <summary>Measurements kept (in the outbox or the session) because of <see cref="Ending"/>.</summary>
        public int EndingKept { get; private set; }

        /// <summary>Writes everything the sender has to say now; returns whether anything was written.</summary>
        public bool Drain(MeasurementSender sender)
        {
            var any = false;
            while (sender.TryTakeNotice(out var notice))
            {
                Notice(notice!);
                any = true;
            }

            while (sender.TryTakeOutcome(out var outcome))
            {
                Outcome(outcome!);
                any = true;
            }

            return any;
        }

        public void Outcome(BatchOutcome outcome)
        {
            Sent += outcome.Accepted.Count;
            foreach (var refusal in outcome.Refused)
            {
                cmdlet.WriteError(Refused(refusal));
            }

            if (outcome.Unsent.Count > 0)
            {
                Unsent(outcome);
            }

            if (passThru)
            {
                foreach (var m in outcome.Accepted)
                {
                    cmdlet.WriteObject(m);
                }
            }

            // Accepted, counted and not written anywhere: nothing holds them any more.
            pool?.Return(outcome.Accepted);
        }

        public void Notice(SenderNotice notice)
        {
            switch (notice.Kind)
            {
                case SenderNoticeKind.OutboxFileInUse:
                case SenderNoticeKind.OutboxFileDelivered:
                    cmdlet.WriteVerbose(notice.Message);
                    break;
                case SenderNoticeKind.OutboxMeasurementsRefused:
                    var record = notice.Error != null
                        ? ApiErrors.ToRecord(notice.Error, notice.Measurements?.ToArray(), ErrorIds.MeasurementRejected)
                        : new ErrorRecord(new InvalidOperationException(notice.Message), ErrorIds.MeasurementRejected, ErrorCategory.InvalidData, notice.Measurements?.ToArray());
                    record.ErrorDetails = new ErrorDetails(notice.Message);
                    cmdlet.WriteError(record);
                    break;
                default:
                    cmdlet.WriteWarning(notice.Message);
                    break;
            }
        }

        private static ErrorRecord Refused(MeasurementRefusal refusal)
        {
            var message = $"The API refused '{refusal.Measurement.Name}': {refusal.Reason}";
            var record = refusal.Error != null
                ? ApiErrors.ToRecord(refusal.Error, refusal.Measurement, ErrorIds.MeasurementRejected)
                : new ErrorRecord(new InvalidOperationException(message), ErrorIds.MeasurementRejected, ErrorCategory.InvalidData, refusal.Measurement);
            record.ErrorDetails = new ErrorDetails(message);
            return record;
        }

        private void Unsent(BatchOutcome outcome)
        {
            var failure = outcome.Failure!;
            var why = outcome.Attempted ? failure.Message : outcome.NotAttemptedReason ?? failure.Message;
            if (ApiErrors.EndsCommand(failure))
            {
                // One terminating error says it for all: what is in no outbox goes to the session's Unsent list.
                Ending ??= failure;
                EndingKept += outcome.Unsent.Count;
                session.KeepUnsent(outcome.Unkept);
                return;
            }

            var kept = outcome.Unsent.Count - outcome.Unkept.Count;
            if (kept > 0)
            {
                cmdlet.WriteWarning($"{kept} measurement(s) could not be sent ({why}); they wait in the outbox '{outcome.OutboxDirectory}' for the next run.");
            }

            if (outcome.Unkept.Count == 0)
            {
                return;
            }

            var target = outcome.Unkept.ToArray();
            if (outcome.Disposition == UnsentDisposition.OutboxWriteFailed)
            {
                // Nothing else holds them: the session does, until the user sends them again.
                session.KeepUnsent(outcome.Unkept);
                cmdlet.WriteError(new ErrorRecord(
                    new System.IO.IOException(
                        $"{target.Length} measurement(s) could not be sent ({why}) nor written to the outbox '{outcome.OutboxDirectory}' " +
                        $"({outcome.OutboxFailure!.Message}); they are kept in the session's Unsent list: send them with (Get-LibratoSession).Unsent | Send-LibratoMetric.",
                        outcome.OutboxFailure),
                    ErrorIds.OutboxWriteFailed,
                    ErrorCategory.WriteError,
                    target));
                return;
            }

            if (!outcome.Attempted)
            {
                var record = new ErrorRecord(
                    new InvalidOperationException($"{target.Length} measurement(s) were {why}", failure),
                    ErrorIds.NotSent,
                    ErrorCategory.OperationStopped,
                    target);
                cmdlet.WriteError(record);
                return;
            }

            var failed = ApiErrors.ToRecord(failure, target, ApiErrors.ForSubmission(failure));
            if (failure.IsTransient)
            {
                // An outage, not the data: say so, and how to get the measurements there, rather than the route.
                failed.ErrorDetails = new ErrorDetails(
                    $"{target.Length} measurement(s) were not sent: {failure.KindText}" +
                    (failure.ApiErrors.Count > 0 ? " (" + string.Join("; ", failure.ApiErrors) + ")" : string.Empty) +
                    ", also when tried again. They are this error's target: once the endpoint answers, send them with " +
                    "$Error[0].TargetObject | Send-LibratoMetric, or connect with -OutboxPath so that measurements wait on disk for the next run.");
            }

            cmdlet.WriteError(failed);
        }
    }
}
