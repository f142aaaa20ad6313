using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>What the cmdlet's own parameters supply to piped objects that lack a property.</summary>
    internal sealed class MeasurementDefaults
    {
        public string? Name { get; set; }

        public MetricType Type { get; set; } = MetricType.Gauge;

        public string? Source { get; set; }

        public IDictionary<string, string>? Tags { get; set; }

        public long? Time { get; set; }

        public int? Period { get; set; }

        public string? Description { get; set; }
    }
}
