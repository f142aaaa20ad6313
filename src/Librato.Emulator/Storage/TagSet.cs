using System;
using System.Collections.Generic;
using System.Text;

namespace Librato.Emulator.Storage;

/// <summary>
/// A validated, lower-cased tag set sorted by tag name. <see cref="Key"/> identifies the series:
/// neither '=' nor a line break can occur in a valid tag name or value, so the key is unambiguous.
/// </summary>
internal sealed class TagSet : IComparable<TagSet>
{
    private TagSet(KeyValuePair<string, string>[] pairs, string key)
    {
        Pairs = pairs;
        Key = key;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    public string Key { get; }

    public int Count => Pairs.Count;

    /// <summary>Builds a tag set from pairs that are already validated and lower-cased.</summary>
    public static TagSet FromNormalizedPairs(List<KeyValuePair<string, string>> pairs)
    {
        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var distinct = new List<KeyValuePair<string, string>>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            // A later spelling of the same name wins, as it would in a JSON object.
            if (distinct.Count > 0 && distinct[^1].Key == pairs[i].Key)
            {
                distinct[^1] = pairs[i];
            }
            else
            {
                distinct.Add(pairs[i]);
            }
        }

        var builder = new StringBuilder();
        for (int i = 0; i < distinct.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            builder.Append(distinct[i].Key).Append('=').Append(distinct[i].Value);
        }

        return new TagSet(distinct.ToArray(), builder.ToString());
    }

    public bool TryGetValue(string name, out string value)
    {
        for (int i = 0; i < Pairs.Count; i++)
        {
            if (Pairs[i].Key == name)
            {
                value = Pairs[i].Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Orders tag sets pair by pair (name, then value), the order series are listed in.</summary>
    public int CompareTo(TagSet? other)
    {
        if (other is null)
        {
            return 1;
        }

        int shared = Math.Min(Pairs.Count, other.Pairs.Count);
        for (int i = 0; i < shared; i++)
        {
            int byName = string.CompareOrdinal(Pairs[i].Key, other.Pairs[i].Key);
            if (byName != 0)
            {
                return byName;
            }

            int byValue = string.CompareOrdinal(Pairs[i].Value, other.Pairs[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return Pairs.Count.CompareTo(other.Pairs.Count);
    }
}
