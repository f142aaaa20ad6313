using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>
/// The <c>tags[name]=pattern</c> filters of a tagged read. Values given for the same name are alternatives (OR);
/// different names must all match (AND). A '!' prefix negates a pattern, and the tag must still be present.
/// <c>tags[!name]=...</c> (the form encoding of <c>!name</c>) matches series without that tag; it is one more
/// alternative for that name, so <c>tags[!host]=1&amp;tags[host]=!db*</c> means "no host, or a host not like db*".
/// </summary>
internal sealed class TagFilter
{
    private readonly Dictionary<string, Condition> conditions = new(StringComparer.Ordinal);

    /// <summary>Whether the query holds any <c>tags[...]</c> parameter, filtering or not.</summary>
    public bool IsGiven { get; private set; }

    public static TagFilter Parse(IQueryCollection query)
    {
        var filter = new TagFilter();
        foreach (var parameter in query)
        {
            string key = parameter.Key;
            if (key == "tags")
            {
                filter.IsGiven = true;
                continue;
            }

            if (!key.StartsWith("tags[", StringComparison.Ordinal) || !key.EndsWith(']') || key.Length <= 6)
            {
                continue;
            }

            filter.IsGiven = true;
            string name = key.Substring(5, key.Length - 6).ToLowerInvariant();

            // Rails-style list spelling, tags[host][]=a&tags[host][]=b, means the same as repeating tags[host].
            if (name.EndsWith("][", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 2);
            }

            if (name.Length > 1 && name[0] == '!')
            {
                filter.ConditionOn(name.Substring(1)).AllowsAbsence = true;
                continue;
            }

            foreach (string? value in parameter.Value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                bool negated = value[0] == '!';
                filter.ConditionOn(name).Patterns.Add((negated, new WildcardPattern(negated ? value.Substring(1) : value)));
            }
        }

        return filter;
    }

    public bool Matches(TagSet tags)
    {
        foreach (var condition in conditions)
        {
            if (!condition.Value.Matches(tags, condition.Key))
            {
                return false;
            }
        }

        return true;
    }

    private Condition ConditionOn(string name)
    {
        if (!conditions.TryGetValue(name, out var condition))
        {
            conditions[name] = condition = new Condition();
        }

        return condition;
    }

    private sealed class Condition
    {
        public List<(bool Negated, WildcardPattern Pattern)> Patterns { get; } = new();

        public bool AllowsAbsence { get; set; }

        public bool Matches(TagSet tags, string name)
        {
            if (!tags.TryGetValue(name, out string value))
            {
                return AllowsAbsence;
            }

            foreach (var (negated, pattern) in Patterns)
            {
                if (pattern.IsMatch(value) != negated)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
