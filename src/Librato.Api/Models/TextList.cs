using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A list of names (sources, titles); as text <c>a;b</c> (a CSV cell), not a type name.</summary>
    public sealed class TextList : List<string>
    {
        public TextList(IEnumerable<string> items)
            : base(items)
        {
        }

        public override string ToString() => string.Join(";", this);
    }
}
