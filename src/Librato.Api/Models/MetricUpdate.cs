using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Metric properties and attributes to set; what is left null is left as it is.</summary>
    public sealed class MetricUpdate
    {
        /// <summary>gauge, counter or composite; required when the metric does not exist yet.</summary>
        public string? Type { get; set; }

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public int? Period { get; set; }

        public string? Composite { get; set; }

        /// <summary>Attributes such as display_units_long, display_min, color, summarize_function.</summary>
        public IDictionary<string, object?> Attributes { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        public bool IsEmpty => Type == null && DisplayName == null && Description == null && !Period.HasValue && Composite == null && Attributes.Count == 0;

        internal void WriteProperties(Utf8JsonWriter w)
        {
            WriteString(w, "type", Type);
            WriteString(w, "display_name", DisplayName);
            WriteString(w, "description", Description);
            WriteString(w, "composite", Composite);
            if (Period.HasValue)
            {
                w.WriteNumber("period", Period.Value);
            }

            if (Attributes.Count > 0)
            {
                w.WritePropertyName("attributes");
                JsonWriting.WriteValue(w, Attributes);
            }
        }

        private static void WriteString(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
        }
    }
}
