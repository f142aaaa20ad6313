using System;

namespace Librato.Api
{
    /// <summary>Whether an alert is firing: from <c>GET /v1/alerts/status</c> (firing or recently cleared) or one alert's status.</summary>
    public sealed class LibratoAlertStatus
    {
        public const string Triggered = "triggered";
        public const string Ok = "ok";
        public const string Cleared = "cleared";

        public long AlertId { get; set; }

        /// <summary>The alert's name, when it was looked up.</summary>
        public string? Name { get; set; }

        /// <summary><c>triggered</c> (firing), <c>ok</c>, or <c>cleared</c> (stopped firing recently).</summary>
        public string Status { get; set; } = Ok;

        public DateTime? TriggeredAt { get; set; }

        public DateTime? ClearedAt { get; set; }

        public bool IsFiring => string.Equals(Status, Triggered, StringComparison.OrdinalIgnoreCase);

        /// <summary>How long a firing alert has fired, to the second (ticks say nothing to someone reading it); null when it is not firing.</summary>
        public TimeSpan? FiringFor => IsFiring && TriggeredAt is DateTime triggered
            ? TimeSpan.FromSeconds(Math.Round((DateTime.UtcNow - triggered.ToUniversalTime()).TotalSeconds))
            : (TimeSpan?)null;

        public override string ToString() => (Name ?? AlertId.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ": " + Status;
    }
}
