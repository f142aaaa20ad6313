using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Storage;

internal sealed class Metric
{
    private readonly object gate = new();
    private readonly List<KeyValuePair<string, JsonElement>> attributes = new();
    private string? displayName;
    private string? description;
    private long? period;
    private string? composite;
    private volatile bool deleted;

    public Metric(string name, MetricType type, in MetricCreation creation)
    {
        Name = name;
        Type = type;
        displayName = creation.DisplayName;
        description = creation.Description;
        period = creation.Period;
        composite = creation.Composite;
        SetAttribute("created_by_ua", JsonValues.FromString(creation.CreatedByUserAgent));
        SetAttribute("display_stacked", JsonValues.True);
        SetAttribute("summarize_function", JsonValues.FromString("average"));
        SetAttribute("aggregate", JsonValues.False);
        if (creation.Attributes is not null)
        {
            for (int i = 0; i < creation.Attributes.Count; i++)
            {
                SetAttribute(creation.Attributes[i].Key, creation.Attributes[i].Value);
            }
        }
    }

    /// <summary>The spelling the metric was first seen with; lookups ignore case.</summary>
    public string Name { get; }

    public MetricType Type { get; }

    /// <summary>
    /// Set once the metric has been removed from its account. A submission that wrote into it concurrently sees the
    /// flag and writes again into the metric its data recreates.
    /// </summary>
    public bool IsDeleted => deleted;

    public void MarkDeleted() => deleted = true;

    /// <summary>Legacy series keyed by source (empty string for points without a source); sources ignore case.</summary>
    public SeriesTable LegacySeries { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tagged series keyed by <see cref="TagSet.Key"/>.</summary>
    public SeriesTable TaggedSeries { get; } = new(StringComparer.Ordinal);

    public Series GetLegacySeries(string? source) =>
        LegacySeries.GetOrAdd(source ?? string.Empty, NewLegacySeries, source, out _);

    /// <summary>The series of this source, for a caller holding <see cref="LegacySeries"/>; <paramref name="created"/> tells whether this call made it.</summary>
    public Series GetLegacySeriesHeld(string? source, out bool created) =>
        LegacySeries.GetOrAddHeld(source ?? string.Empty, NewLegacySeries, source, out created);

    private static readonly Func<string?, Series> NewLegacySeries = static s => new Series(s, null);

    public Series GetTaggedSeries(TagSet tags) =>
        TaggedSeries.GetOrAdd(tags.Key, static t => new Series(null, t), tags, out _);

    public MetricMetadata ReadMetadata()
    {
        lock (gate)
        {
            return new MetricMetadata(Name, Type, displayName, description, period, composite, attributes.ToArray());
        }
    }

    public void Apply(MetricUpdate update)
    {
        lock (gate)
        {
            if (update.DisplayName.HasValue)
            {
                displayName = update.DisplayName.Value;
            }

            if (update.Description.HasValue)
            {
                description = update.Description.Value;
            }

            if (update.Period.HasValue)
            {
                period = update.Period.Value;
            }

            if (update.Composite.HasValue)
            {
                composite = update.Composite.Value;
            }

            for (int i = 0; i < update.Attributes.Count; i++)
            {
                SetAttribute(update.Attributes[i].Key, update.Attributes[i].Value);
            }
        }
    }

    private void SetAttribute(string key, JsonElement value)
    {
        for (int i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Key == key)
            {
                attributes[i] = new KeyValuePair<string, JsonElement>(key, value);
                return;
            }
        }

        attributes.Add(new KeyValuePair<string, JsonElement>(key, value));
    }
}
