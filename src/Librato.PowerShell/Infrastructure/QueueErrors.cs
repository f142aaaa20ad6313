using System;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Error records for what a queue could not deliver.</summary>
    internal static class QueueErrors
    {
        /// <summary>Measurements the API refused (the data's fault): <see cref="ErrorIds.MeasurementRejected"/>, with them as target.</summary>
        public static ErrorRecord ForFailedBatch(FailedBatch failure)
        {
            var message = $"The API refused {failure.Measurements.Count} measurement(s) of {string.Join(", ", failure.Measurements.Select(m => m.Name).Distinct().Take(3))}: {failure.Reason}";
            var record = failure.Error != null
                ? ApiErrors.ToRecord(failure.Error, failure.Measurements.ToArray(), ErrorIds.MeasurementRejected)
                : new ErrorRecord(new InvalidOperationException(message), ErrorIds.MeasurementRejected, ErrorCategory.InvalidData, failure.Measurements.ToArray());
            record.ErrorDetails = new ErrorDetails(message);
            return record;
        }

        public static ErrorRecord ForStopped(LibratoApiException error, LibratoQueue queue) =>
            ApiErrors.ToRecord(error, queue, ErrorIds.QueueSubmitStopped);
    }
}
