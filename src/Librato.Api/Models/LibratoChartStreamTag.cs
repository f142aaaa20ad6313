using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A tag filter of a chart stream: <c>{"name","values":[…],"grouped"?,"dynamic"?}</c>.</summary>
    public sealed class LibratoChartStreamTag
    {
        public LibratoChartStreamTag()
        {
        }

        public LibratoChartStreamTag(string name, IEnumerable<string> values, bool? grouped = null, bool? dynamic = null)
        {
            Name = name;
            Values = new List<string>(values);
            Grouped = grouped;
            Dynamic = dynamic;
        }

        public string Name { get; set; } = string.Empty;

        /// <summary>Tag values; <c>*</c> wildcards and <c>%</c> (dynamic) are allowed.</summary>
        public IList<string> Values { get; set; } = new List<string>();

        /// <summary>Combine the matching series into one line.</summary>
        public bool? Grouped { get; set; }

        /// <summary>Let the space's tag selector choose the value.</summary>
        public bool? Dynamic { get; set; }

        public override string ToString() => Name + "=" + string.Join("|", Values);
    }
}
