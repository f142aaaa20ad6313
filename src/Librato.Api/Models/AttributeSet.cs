using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Librato.Api
{
    /// <summary>A metric's or an alert's attributes; as text <c>k=v;k2=v2</c> in key order (a CSV cell), not a type name.</summary>
    public sealed class AttributeSet : Dictionary<string, object?>
    {
        public AttributeSet()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public AttributeSet(IDictionary<string, object?> attributes)
            : base(attributes, StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() =>
            string.Join(";", this.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture)));
    }
}
