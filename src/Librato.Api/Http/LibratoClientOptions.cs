using System;

namespace Librato.Api
{
    /// <summary>Where and how a <see cref="LibratoClient"/> talks to the API.</summary>
    public sealed class LibratoClientOptions
    {
        public static readonly Uri DefaultEndpoint = new Uri("https://metrics-api.librato.com");

        public static readonly Uri AppOpticsEndpoint = new Uri("https://api.appoptics.com");

        private Uri? endpoint;
        private MeasurementValidator? validator;

        /// <summary>The service to talk to; it sets the default <see cref="Endpoint"/>, the auth header and the rules.</summary>
        public MetricsApi Api { get; set; } = MetricsApi.Librato;

        /// <summary>The API's root (its <c>/v1/</c> routes lie below it); by default the <see cref="Api"/>'s own.</summary>
        public Uri Endpoint
        {
            get => endpoint ?? DefaultEndpointFor(Api);
            set => endpoint = value;
        }

        /// <summary>How long one attempt may wait for the whole answer.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long making the connection may take (honoured on .NET Core).</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Retries after the first attempt for server errors, rate limits, timeouts and broken connections.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>The first backoff; each retry doubles it, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The longest wait between attempts, Retry-After included.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>An explicit proxy; null uses the system or environment proxy (when <see cref="UseProxy"/>).</summary>
        public System.Net.IWebProxy? Proxy { get; set; }

        public bool UseProxy { get; set; } = true;

        /// <summary>gzip request bodies larger than a few hundred bytes.</summary>
        public bool CompressRequests { get; set; } = true;

        /// <summary>The clock for retry waits, timeouts and send deadlines (a fake one in tests).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        public string UserAgent { get; set; } = "Librato.Api/" + typeof(LibratoClientOptions).Assembly.GetName().Version;

        /// <summary>
        /// The rules each measurement is checked against before it is sent; by default <see cref="MeasurementValidator.Default"/>,
        /// or <see cref="MeasurementValidator.AppOptics"/> for AppOptics.
        /// </summary>
        public MeasurementValidator Validator
        {
            get => validator ?? (Api == MetricsApi.AppOptics ? MeasurementValidator.AppOptics : MeasurementValidator.Default);
            set => validator = value;
        }

        /// <summary>The most measurements one submission request may carry; larger batches are split (AppOptics only).</summary>
        public int? MaxBatchSize => Api == MetricsApi.AppOptics ? AppOpticsRules.MaxBatchSize : (int?)null;

        public static Uri DefaultEndpointFor(MetricsApi api) => api == MetricsApi.AppOptics ? AppOpticsEndpoint : DefaultEndpoint;
    }
}
