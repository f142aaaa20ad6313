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
            string? outboxPath,
            TimeSpan? maxSendDuration)
        {
            MaxSendDuration = maxSendDuration;
            Outbox = outboxPath == null ? null : new Outbox(outboxPath);
            client = new LibratoClient(credentials, options);
            AllowUnencryptedAuthentication = allowUnencryptedAuthentication;
            SanitizeMetricNames = sanitizeMetricNames;
            DefaultTags = defaultTags == null || defaultTags.Count == 0
                ? null
                : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(defaultTags, StringComparer.OrdinalIgnoreCase));
            ConnectedAt = DateTimeOffset.Now;
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

        /// <summary>
        /// How long one send may keep trying through failures before it keeps (outbox) or reports what is left
        /// without waiting more; 0 for no limit.
        /// </summary>
        public int MaxSendDurationSec => MaxSendDuration.HasValue ? (int)MaxSendDuration.Value.TotalSeconds : 0;

        internal TimeSpan? MaxSendDuration { get; }

        /// <summary>The explicit proxy; null means the system or environment proxy (or none, see <see cref="UseProxy"/>).</summary>
        public Uri? Proxy => (client.Options.Proxy as System.Net.WebProxy)?.Address;

        public bool UseProxy => client.Options.UseProxy;

        public bool CompressRequests => client.Options.CompressRequests;

        public bool AllowUnencryptedAuthentication { get; }

        /// <summary>The spool directory for batches that could not be delivered; null when not enabled.</summary>
        public string? OutboxPath => Outbox?.Directory;

        /// <summary>
        /// Measurements that are neither delivered nor in an outbox: those a stopped command (Ctrl+C) had not sent
        /// when there is no outbox, and those the outbox could not be written for. Send them with
        /// <c>$session.Unsent | Send-LibratoMetric</c>.
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

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>
        /// What Connect-Librato found out about the credentials: <c>accepted</c>, <c>not checked</c> (with
        /// -SkipCredentialCheck), or <c>not checked (</c>what stopped the check<c>)</c>, such as <c>connection failed</c>
        /// (Connect-Librato's warning says more).
        /// </summary>
        public string Credentials { get; internal set; } = NotChecked;

        internal const string CredentialsAccepted = "accepted";
        internal const string NotChecked = "not checked";

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

        /// <summary>Keeps measurements that are in no outbox in <see cref="Unsent"/>, so that they are not lost with the command.</summary>
        internal void KeepUnsent(IReadOnlyList<Measurement> measurements)
        {
            if (measurements.Count == 0)
            {
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

        /// <summary>The engine for one send of this session: its outbox, time limit and the given batching.</summary>
        internal MeasurementSender CreateSender(int batchSize, int throttleLimit, IRequestTrace? trace, System.Threading.CancellationToken cancellation) =>
            new MeasurementSender(
                Client,
                new SenderOptions
                {
                    BatchSize = batchSize,
                    ThrottleLimit = throttleLimit,
                    Outbox = Outbox,
                    MaxSendDuration = MaxSendDuration,
                    Trace = trace,
                    ProcessExiting = ReportLostAtExit,
                },
                cancellation);

        /// <summary>
        /// The process is ending (SIGTERM, a closed terminal) with measurements in memory and no outbox: nothing can
        /// keep them, but the task's log can say so. The pipeline cannot be written to any more; standard error can.
        /// </summary>
        internal static void ReportLostAtExit(IReadOnlyList<Measurement> lost)
        {
            try
            {
                Console.Error.WriteLine(
                    $"Librato: the process is ending with {lost.Count} measurement(s) not sent (first: {lost[0]}), and no outbox to keep them. " +
                    "Connect-Librato -OutboxPath keeps measurements on disk until they are delivered, through any stop.");
                Console.Error.Flush();
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is ObjectDisposedException)
            {
                // No standard error to write to.
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
