using System;

namespace Librato.Api
{
    /// <summary>A measurement that breaks one of the API's rules, refused before it was queued.</summary>
    public sealed class MeasurementValidationException : ArgumentException
    {
        public MeasurementValidationException(ValidationError error, Measurement measurement)
            : base(error.Message)
        {
            Error = error;
            Measurement = measurement;
        }

        public ValidationError Error { get; }

        public Measurement Measurement { get; }
    }
}
