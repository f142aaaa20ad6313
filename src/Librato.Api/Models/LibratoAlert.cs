using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>A (version 2) alert with its conditions and the services it notifies.</summary>
    public sealed class LibratoAlert
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        private IList<AlertCondition> conditions = new ItemList<AlertCondition>();
        private IList<LibratoService> services = new ItemList<LibratoService>();
        private IDictionary<string, object?> attributes = new AttributeSet();

        public IList<AlertCondition> Conditions
        {
            get => conditions;
            set => conditions = ItemList<AlertCondition>.Of(value);
        }

        public IList<LibratoService> Services
        {
            get => services;
            set => services = ItemList<LibratoService>.Of(value);
        }

        /// <summary>Free-form attributes; <c>runbook_url</c> is shown with the alert's notifications.</summary>
        public IDictionary<string, object?> Attributes
        {
            get => attributes;
            set => attributes = value as AttributeSet ?? new AttributeSet(value);
        }

        /// <summary>Every condition in short form, <c>; </c> between them.</summary>
        public string ConditionSummary => string.Join("; ", Conditions);

        /// <summary>The titles of the services the alert notifies.</summary>
        public IReadOnlyList<string> ServiceTitles => new TextList(Services.Select(s => s.Title));

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
