using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>
    /// A tag filter of an alert condition: the series whose tag <see cref="Name"/> matches one of
    /// <see cref="Values"/> (<c>*</c> wildcards allowed). Grouped filters merge the chosen series into one.
    /// </summary>
    public sealed class AlertConditionTag
    {
        public AlertConditionTag()
        {
        }

        public AlertConditionTag(string name, IEnumerable<string> values, bool grouped = false)
        {
            Name = name;
            Values = values.ToList();
            Grouped = grouped;
        }

        public string Name { get; set; } = string.Empty;

        public IList<string> Values { get; set; } = new List<string>();

        /// <summary>True when the matching series are combined and judged as one, rather than each on its own.</summary>
        public bool Grouped { get; set; }

        public AlertConditionTag Clone() => new AlertConditionTag(Name, Values, Grouped);

        public override string ToString() => Name + "=" + string.Join("|", Values) + (Grouped ? " (grouped)" : string.Empty);
    }
}
