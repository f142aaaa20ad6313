using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>Turns hashtables and dictionaries from scripts into plain values the core can write as JSON.</summary>
    internal static class AttributeConversion
    {
        public static Dictionary<string, object?> ToDictionary(IDictionary? source)
        {
            var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (source == null)
            {
                return result;
            }

            foreach (DictionaryEntry entry in source)
            {
                result[InputConversion.Text(entry.Key) ?? string.Empty] = Plain(entry.Value);
            }

            return result;
        }

        private static object? Plain(object? value)
        {
            var raw = value is PSObject pso ? pso.BaseObject : value;
            switch (raw)
            {
                case null:
                case string _:
                    return raw;
                case IDictionary dictionary:
                    return ToDictionary(dictionary);
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (var item in list)
                    {
                        items.Add(Plain(item));
                    }

                    return items;
                default:
                    return raw;
            }
        }
    }
}
