using System.Collections;
using System.Collections.Generic;

namespace Librato.PowerShell
{
    /// <summary>Turns a -Tag hashtable (tag name to a pattern or an array of patterns) into a tagged read's filters.</summary>
    internal static class TagFilters
    {
        public static void AddTo(IDictionary<string, IList<string>> filters, Hashtable? tag)
        {
            if (tag == null)
            {
                return;
            }

            foreach (DictionaryEntry entry in tag)
            {
                var patterns = new List<string>();
                var value = InputConversion.Unwrap(entry.Value);
                if (value is IEnumerable many && !(value is string))
                {
                    foreach (var item in many)
                    {
                        patterns.Add(InputConversion.Text(item) ?? string.Empty);
                    }
                }
                else
                {
                    patterns.Add(InputConversion.Text(value) ?? string.Empty);
                }

                filters[InputConversion.Text(entry.Key) ?? string.Empty] = patterns;
            }
        }
    }
}
