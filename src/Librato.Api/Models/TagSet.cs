using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// A tagged point's tags. Text of it (a CSV cell, a string) reads <c>k=v;k2=v2</c> in key order rather than a
    /// type name, and JSON still sees a plain object of tags.
    /// </summary>
    public sealed class TagSet : Dictionary<string, string>
    {
        public TagSet()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public TagSet(IDictionary<string, string> tags)
            : base(tags, StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString() => Count == 0 ? string.Empty : SeriesLabel.OfTags(this, ";");
    }
}
