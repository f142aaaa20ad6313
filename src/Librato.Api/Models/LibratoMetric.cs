using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A metric's metadata, and its measurements when they were asked for.</summary>
    public sealed class LibratoMetric
    {
        public string Name { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public string Type { get; set; } = "gauge";

        public int? Period { get; set; }

        public int? SourceLag { get; set; }

        public string? Composite { get; set; }

        public IDictionary<string, object?> Attributes { get; set; } =
            new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The resolution of <see cref="Measurements"/> in seconds; null when none were read.</summary>
        public int? Resolution { get; set; }

        /// <summary>Measurements read with the metric, ordered by source then time; empty when none were asked for.</summary>
        public IList<LibratoMeasurement> Measurements { get; set; } = new List<LibratoMeasurement>();

        public override string ToString() => Name;
    }
}
