using System.Collections.Generic;

namespace Librato.PowerShell
{
    /// <summary>Completes the tag names of the metric typed before, for parameters that group or vary by tag (-GroupBy, -GroupedTag).</summary>
    public sealed class TagNameCompleter : TagCompleter
    {
        protected override string Shown(KeyValuePair<string, string> tag) => tag.Key;
    }
}
