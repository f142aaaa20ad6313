using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Metadata;

/// <summary>
/// Which metrics a batch update or delete applies to: <c>names</c> is a list of names or one wildcard pattern
/// (a string, or a list holding only that pattern), less any metric matching an <c>exclude</c> entry.
/// Names are matched without regard to case; names that match no metric are ignored.
/// </summary>
internal sealed class MetricSelection
{
    private const string NamesShape = "must be a list of metric names or one wildcard pattern";

    private readonly WildcardPattern? pattern;
    private readonly HashSet<string>? names;
    private readonly List<WildcardPattern> exclusions;

    private MetricSelection(WildcardPattern? pattern, HashSet<string>? names, List<WildcardPattern> exclusions)
    {
        this.pattern = pattern;
        this.names = names;
        this.exclusions = exclusions;
    }

    /// <summary>Reads <c>names</c> and <c>exclude</c> from a JSON body, or from the query string when there is no body.</summary>
    public static MetricSelection? Read(JsonElement? body, IQueryCollection query, ParamErrors errors)
    {
        List<string>? given;
        List<string>? excluded;
        if (body is { } root)
        {
            given = ReadList(root, "names", errors, NamesShape);
            excluded = ReadList(root, "exclude", errors, "must be a list of metric names");
        }
        else
        {
            given = QueryParams.GetList(query, "names");
            excluded = QueryParams.GetList(query, "exclude");
        }

        if (given is not null && given.Count == 0)
        {
            errors.Add("names", "is required");
        }

        if (errors.Any || given is null)
        {
            return null;
        }

        WildcardPattern? pattern = null;
        HashSet<string>? names = null;
        if (given.Count == 1 && given[0].Contains('*', StringComparison.Ordinal))
        {
            pattern = new WildcardPattern(given[0]);
        }
        else if (given.Exists(static name => name.Contains('*', StringComparison.Ordinal)))
        {
            errors.Add("names", "takes either a list of names or one wildcard pattern, not both");
            return null;
        }
        else
        {
            names = new HashSet<string>(given, StringComparer.OrdinalIgnoreCase);
        }

        var exclusions = (excluded ?? new List<string>()).ConvertAll(static text => new WildcardPattern(text));
        return new MetricSelection(pattern, names, exclusions);
    }

    public List<Metric> Select(AccountStore account)
    {
        var selected = new List<Metric>();
        if (names is not null)
        {
            foreach (string name in names)
            {
                if (account.Find(name) is { } metric && !IsExcluded(metric.Name))
                {
                    selected.Add(metric);
                }
            }

            return selected;
        }

        foreach (var metric in account.Snapshot())
        {
            if (pattern!.IsMatch(metric.Name) && !IsExcluded(metric.Name))
            {
                selected.Add(metric);
            }
        }

        return selected;
    }

    private bool IsExcluded(string name) => exclusions.Exists(exclusion => exclusion.IsMatch(name));

    /// <summary>A list of strings, a single string (a list of one), or null with an error for any other shape.</summary>
    private static List<string>? ReadList(JsonElement root, string name, ParamErrors errors, string shapeMessage)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return name == "names" ? new List<string>() : null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new List<string> { value.GetString()! };
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var result = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    errors.Add(name, shapeMessage);
                    return null;
                }

                result.Add(item.GetString()!);
            }

            return result;
        }

        errors.Add(name, shapeMessage);
        return null;
    }
}
