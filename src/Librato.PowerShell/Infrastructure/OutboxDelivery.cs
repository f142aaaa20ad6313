using System;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>What one delivery of the outbox did.</summary>
    public sealed class OutboxResult
    {
        public int Sent { get; internal set; }

        public int Batches { get; internal set; }

        public int Remaining { get; internal set; }

        public int Quarantined { get; internal set; }

        public string Directory { get; internal set; } = string.Empty;
    }

    /// <summary>Sends spooled batches, oldest first, stopping at the first transient failure so the order is kept.</summary>
    internal static class OutboxDelivery
    {
        public static OutboxResult Deliver(LibratoCmdlet cmdlet, Outbox outbox)
        {
            var result = new OutboxResult { Directory = outbox.Directory };
            var progress = new ProgressReporter(cmdlet, ProgressIds.DeliverOutbox, "Sending the Librato outbox", "spooled measurements sent");
            foreach (var entry in outbox.Claim((name, why) =>
            {
                result.Quarantined++;
                cmdlet.WriteWarning($"The outbox file '{name}' could not be read ({why}); it was moved to '{outbox.QuarantineDirectory}' and will not be sent.");
            }))
            {
                try
                {
                    foreach (var batch in Batches(entry))
                    {
                        cmdlet.Await(ct => cmdlet.Client.SubmitAsync(batch, cmdlet.Trace, ct));
                    }
                }
                catch (LibratoApiException ex) when (ex.IsTransient)
                {
                    outbox.Release(entry);
                    cmdlet.WriteWarning($"The outbox could not be delivered yet ({ex.Message}); {outbox.Count} batch(es) wait in '{outbox.Directory}'.");
                    break;
                }
                catch (LibratoApiException ex)
                {
                    outbox.Reject(entry);
                    result.Quarantined++;
                    cmdlet.WriteError(ApiErrors.ToRecord(ex, entry.Measurements.ToArray(), ErrorIds.SubmitFailed));
                    continue;
                }
                catch (PipelineStoppedException)
                {
                    outbox.Release(entry);
                    throw;
                }

                outbox.Complete(entry);
                result.Batches++;
                result.Sent += entry.Measurements.Count;
                progress.Report(result.Sent);
                cmdlet.WriteVerbose($"Sent {entry.Measurements.Count} measurement(s) from the outbox file '{entry.Name}'.");
            }

            progress.Complete();
            result.Remaining = outbox.Count;
            return result;
        }

        // A spooled batch holds one route's measurements, but older versions or hand edits may mix them.
        private static System.Collections.Generic.IEnumerable<System.Collections.Generic.IReadOnlyList<Measurement>> Batches(OutboxEntry entry)
        {
            var batcher = new MeasurementBatcher(MeasurementBatcher.MaxBatchSize);
            foreach (var m in entry.Measurements)
            {
                var full = batcher.Add(m);
                if (full != null)
                {
                    yield return full;
                }
            }

            foreach (var rest in batcher.Drain())
            {
                yield return rest;
            }
        }
    }
}
