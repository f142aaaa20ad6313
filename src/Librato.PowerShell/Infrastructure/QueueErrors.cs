using System;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Error records for what a queue could not deliver.</summary>
    internal static class QueueErrors
    {
        public static ErrorRecord ForFailedBatch(FailedBatch failure) =>
            failure.Error != null
                ? ApiErrors.ToRecord(failure.Error, failure.Measurements.ToArray(), ErrorIds.SubmitFailed)
                : new ErrorRecord(
                    new InvalidOperationException($"The API refused {failure.Measurements.Count} measurement(s): {failure.Reason}"),
                    ErrorIds.MeasurementRejected,
                    ErrorCategory.InvalidData,
                    failure.Measurements.ToArray());

        public static ErrorRecord ForStopped(LibratoApiException error, LibratoQueue queue) =>
            ApiErrors.ToRecord(error, queue, ErrorIds.QueueSubmitStopped);
    }
}
