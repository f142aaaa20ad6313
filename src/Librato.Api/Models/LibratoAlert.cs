using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A (version 2) alert with its conditions and the services it notifies.</summary>
    public sealed class LibratoAlert
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public IList<AlertCondition> Conditions { get; set; } = new List<AlertCondition>();

        public IList<LibratoService> Services { get; set; } = new List<LibratoService>();

        /// <summary>Free-form attributes; <c>runbook_url</c> is shown with the alert's notifications.</summary>
        public IDictionary<string, object?> Attributes { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        public bool Active { get; set; } = true;

        /// <summary>Seconds before a fired alert can fire again.</summary>
        public int RearmSeconds { get; set; } = 600;

        public bool RearmPerSignal { get; set; }

        /// <summary>True when the description is Markdown.</summary>
        public bool Md { get; set; }

        public int Version { get; set; } = 2;

        public DateTime? CreatedAt { get; set; }

        public DateTime? UpdatedAt { get; set; }

        /// <summary>The <c>runbook_url</c> attribute, when there is one.</summary>
        public string? RunbookUrl => Attributes.TryGetValue(AlertDefinition.RunbookUrlAttribute, out var url) ? url as string : null;

        public override string ToString() => Name;
    }
}
