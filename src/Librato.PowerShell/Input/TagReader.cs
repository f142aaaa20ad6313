using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Librato.PowerShell
{
    /// <summary>
    /// Reads measurements' tags, converting each dictionary into the invariant strings the API takes. Pipelines often
    /// hand the same tag table to many objects in a row (one <c>$tags</c> for a host's samples); as long as it holds the
    /// very same keys and values, its conversion is reused. Keys and values are compared by reference: strings and
    /// boxed numbers never change in place, so an unchanged reference means an unchanged tag, and a table that was
    /// changed in between (a key added, a value replaced) is converted again.
    /// </summary>
    internal sealed class TagReader
    {
        private const int MaxRemembered = 16;

        private readonly object?[] keys = new object?[MaxRemembered];
        private readonly object?[] values = new object?[MaxRemembered];
        private readonly object?[] currentKeys = new object?[MaxRemembered];
        private readonly object?[] currentValues = new object?[MaxRemembered];
        private IDictionary? source;
        private int count;
        private IDictionary<string, string>? converted;

        /// <summary>As <see cref="InputConversion.TryTags"/>: false when the value is present but not a dictionary.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool TryRead(object? value, out IDictionary<string, string>? tags)
        {
            var raw = InputConversion.Unwrap(value);
            if (raw is IDictionary dictionary && ReferenceEquals(dictionary, source) && Unchanged(dictionary))
            {
                tags = converted;
                return true;
            }

            if (!InputConversion.TryTags(raw, out tags))
            {
                return false;
            }

            Remember(raw as IDictionary, tags);
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        private bool Unchanged(IDictionary dictionary)
        {
            if (dictionary.Count != count)
            {
                return false;
            }

            Read(dictionary, currentKeys, currentValues);
            for (var i = 0; i < count; i++)
            {
                if (!ReferenceEquals(currentKeys[i], keys[i]) || !ReferenceEquals(currentValues[i], values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private void Remember(IDictionary? dictionary, IDictionary<string, string>? tags)
        {
            source = null;
            if (dictionary == null || tags == null || dictionary.Count > MaxRemembered)
            {
                return;
            }

            count = dictionary.Count;
            Read(dictionary, keys, values);
            source = dictionary;
            converted = tags;
        }

        // A plain hashtable (what @{} makes) copies its keys and values out, in one order, without allocating; any
        // other dictionary (a subclass such as an ordered one included) allocates an enumerator or key list each time.
        [MethodImpl(HotPath.Optimized)]
        private static void Read(IDictionary dictionary, object?[] keysTo, object?[] valuesTo)
        {
            if (dictionary is Hashtable table)
            {
                table.Keys.CopyTo(keysTo, 0);
                table.Values.CopyTo(valuesTo, 0);
                return;
            }

            var entry = dictionary.GetEnumerator();
            for (var i = 0; entry.MoveNext() && i < keysTo.Length; i++)
            {
                keysTo[i] = entry.Key;
                valuesTo[i] = entry.Value;
            }
        }
    }
}
