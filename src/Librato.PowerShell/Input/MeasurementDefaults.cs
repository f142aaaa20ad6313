using System;
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

        /// <summary>Tags a measurement inherits, most specific first (the command's -Tags, a queue's, the session's).</summary>
        public IDictionary<string, string>?[] TagLevels { get; set; } = new IDictionary<string, string>?[0];

        /// <summary>Merge inherited tags into a measurement's own instead of letting its own replace them.</summary>
        public bool InheritTags { get; set; }

        /// <summary>Maps each metric name as the session wants it (sanitized or not).</summary>
        public Func<string, string> MetricName { get; set; } = name => name;

        public long? Time { get; set; }

        public int? Period { get; set; }

        public string? Description { get; set; }
    }
}
