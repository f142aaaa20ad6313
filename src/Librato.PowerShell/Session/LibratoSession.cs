using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// A connection to one Librato account. The API token lives only inside the client's credentials
    /// (a read-only SecureString); no property, serializer or <see cref="ToString"/> can reach it.
    /// </summary>
    public sealed class LibratoSession : IDisposable
    {
        private readonly LibratoClient client;
        private readonly List<Measurement> unsent = new List<Measurement>();

        internal LibratoSession(
            LibratoCredentials credentials,
            LibratoClientOptions options,
            bool allowUnencryptedAuthentication,
            bool sanitizeMetricNames,
            IDictionary<string, string>? defaultTags,
            string? outboxPath)
        {
            Outbox = outboxPath == null ? null : new Outbox(outboxPath);
            client = new LibratoClient(credentials, options);
            AllowUnencryptedAuthentication = allowUnencryptedAuthentication;
            SanitizeMetricNames = sanitizeMetricNames;
            DefaultTags = defaultTags == null || defaultTags.Count == 0
                ? null
                : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(defaultTags, StringComparer.OrdinalIgnoreCase));
            ConnectedAt = DateTime.UtcNow;
        }

        /// <summary>The account email; null for AppOptics, which authenticates with the token alone.</summary>
        public string? Email => client.Credentials.Email;

        /// <summary>The service: Librato, or AppOptics (tagged gauges only).</summary>
        public MetricsApi Api => client.Options.Api;

        public Uri Endpoint => client.Options.Endpoint;

        public int TimeoutSec => (int)client.Options.Timeout.TotalSeconds;

        public int ConnectTimeoutSec => (int)client.Options.ConnectTimeout.TotalSeconds;

        public int MaxRetries => client.Options.MaxRetries;

        public int MaxRetryDelaySec => (int)client.Options.MaxRetryDelay.TotalSeconds;

        /// <summary>The explicit proxy; null means the system or environment proxy (or none, see <see cref="UseProxy"/>).</summary>
        public Uri? Proxy => (client.Options.Proxy as System.Net.WebProxy)?.Address;

        public bool UseProxy => client.Options.UseProxy;

        public bool CompressRequests => client.Options.CompressRequests;

        public bool AllowUnencryptedAuthentication { get; }

        /// <summary>The spool directory for batches that could not be delivered; null when not enabled.</summary>
        public string? OutboxPath => Outbox?.Directory;

        /// <summary>
        /// Measurements a stopped command (Ctrl+C) had not sent, kept here when there is no outbox so that nothing
        /// is lost; send them with <c>$session.Unsent | Send-LibratoMetric</c>.
        /// </summary>
        public IReadOnlyList<Measurement> Unsent
        {
            get
            {
                lock (unsent)
                {
                    return unsent.ToArray();
                }
            }
        }

        internal Outbox? Outbox { get; }

        /// <summary>Every metric name passed to a cmdlet is made valid with <see cref="MetricNameSanitizer"/>.</summary>
        public bool SanitizeMetricNames { get; }

        /// <summary>Tags every gauge sent through this session inherits (the least specific level); null when none.</summary>
        public IReadOnlyDictionary<string, string>? DefaultTags { get; }

        public DateTime ConnectedAt { get; }

        public bool IsClosed { get; private set; }

        internal LibratoClient Client
        {
            get
            {
                if (IsClosed)
                {
                    throw new ObjectDisposedException(nameof(LibratoSession), "This Librato session was disconnected.");
                }

                return client;
            }
        }

        /// <summary>The name as the session sends it: sanitized when the session asks for it. Patterns are left alone.</summary>
        public string MetricName(string name) =>
            SanitizeMetricNames && !System.Management.Automation.WildcardPattern.ContainsWildcardCharacters(name)
                ? MetricNameSanitizer.Sanitize(name)
                : name;

        /// <summary>A measurement's name as sent: sanitized when the session asks for it (a measurement's name is never a pattern).</summary>
        internal string MeasurementName(string name) => SanitizeMetricNames ? MetricNameSanitizer.Sanitize(name) : name;

        internal IDictionary<string, string>? DefaultTagLevel =>
            DefaultTags == null ? null : new Dictionary<string, string>((IDictionary<string, string>)DefaultTags, StringComparer.OrdinalIgnoreCase);

        /// <summary>Keeps what a stopped command could not send: in the outbox when there is one, else in <see cref="Unsent"/>.</summary>
        internal void KeepUnsent(IReadOnlyList<Measurement> measurements)
        {
            if (measurements.Count == 0)
            {
                return;
            }

            if (Outbox != null)
            {
                Outbox.Write(measurements, "the command was stopped before sending them");
                return;
            }

            lock (unsent)
            {
                unsent.AddRange(measurements);
            }
        }

        /// <summary>Empties <see cref="Unsent"/>, returning what it held.</summary>
        public IReadOnlyList<Measurement> TakeUnsent()
        {
            lock (unsent)
            {
                var taken = unsent.ToArray();
                unsent.Clear();
                return taken;
            }
        }

        public void Dispose()
        {
            if (!IsClosed)
            {
                IsClosed = true;
                client.Dispose();
            }
        }

        public override string ToString() => (Email ?? Api.ToString()) + " at " + Endpoint;
    }
}
