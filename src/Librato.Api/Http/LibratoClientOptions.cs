using System;

namespace Librato.Api
{
    /// <summary>Where and how a <see cref="LibratoClient"/> talks to the API.</summary>
    public sealed class LibratoClientOptions
    {
        public static readonly Uri DefaultEndpoint = new Uri("https://metrics-api.librato.com");

        public Uri Endpoint { get; set; } = DefaultEndpoint;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        public string UserAgent { get; set; } = "Librato.Api/" + typeof(LibratoClientOptions).Assembly.GetName().Version;

        /// <summary>The rules each measurement is checked against before it is sent.</summary>
        public MeasurementValidator Validator { get; set; } = MeasurementValidator.Default;
    }
}
