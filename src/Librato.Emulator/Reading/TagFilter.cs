using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>
/// The <c>tags[name]=pattern</c> filters of a tagged read. Values given for the same name are alternatives (OR);
/// different names must all match (AND). A '!' prefix negates a pattern, and the tag must still be present.
/// </summary>
internal sealed class TagFilter
{
    private readonly List<KeyValuePair<string, List<(bool Negated, WildcardPattern Pattern)>>> conditions = new();

    public static TagFilter Parse(IQueryCollection query)
    {
        var filter = new TagFilter();
        foreach (var parameter in query)
        {
            string key = parameter.Key;
            if (!key.StartsWith("tags[", StringComparison.Ordinal) || !key.EndsWith(']') || key.Length <= 6)
            {
                continue;
            }

            string name = key.Substring(5, key.Length - 6).ToLowerInvariant();

            // Rails-style list spelling, tags[host][]=a&tags[host][]=b, means the same as repeating tags[host].
            if (name.EndsWith("][", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 2);
            }

            var alternatives = new List<(bool, WildcardPattern)>();
            foreach (string? value in parameter.Value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                bool negated = value[0] == '!';
                alternatives.Add((negated, new WildcardPattern(negated ? value.Substring(1) : value)));
            }

            if (alternatives.Count == 0)
            {
                continue;
            }

            int existing = filter.conditions.FindIndex(condition => condition.Key == name);
            if (existing >= 0)
            {
                filter.conditions[existing].Value.AddRange(alternatives);
            }
            else
            {
                filter.conditions.Add(new KeyValuePair<string, List<(bool, WildcardPattern)>>(name, alternatives));
            }
        }

        return filter;
    }

    public bool Matches(TagSet tags)
    {
        foreach (var condition in conditions)
        {
            if (!tags.TryGetValue(condition.Key, out string value))
            {
                return false;
            }

            bool any = false;
            foreach (var (negated, pattern) in condition.Value)
            {
                if (pattern.IsMatch(value) != negated)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }
}
