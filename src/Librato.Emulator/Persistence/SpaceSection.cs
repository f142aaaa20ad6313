using System;
using System.Collections.Generic;
using Librato.Emulator.Spaces;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the spaces and their charts with their streams.</summary>
internal sealed class SpaceSection : ResourceSection<SavedSpaces>
{
    public SpaceSection(AccountStore account)
        : base("spaces", account, ResourceJsonContext.Default.SavedSpaces)
    {
    }

    protected override SavedSpaces Collect()
    {
        var spaces = Resources.Spaces.All();
        spaces.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var charts = new List<Chart>();
        foreach (var space in spaces)
        {
            charts.AddRange(Resources.Spaces.ChartsOf(space.Id));
        }

        return new SavedSpaces(spaces, charts);
    }

    protected override long Restore(SavedSpaces saved)
    {
        long highest = 0;
        foreach (var space in saved.Spaces)
        {
            if (Resources.Spaces.Find(space.Id) is not null)
            {
                throw SavedTwice("space", space.Id);
            }

            Resources.Spaces.Put(space);
            highest = Math.Max(highest, space.Id);
        }

        foreach (var chart in saved.Charts)
        {
            if (Resources.Spaces.Find(chart.SpaceId) is null)
            {
                throw new FormatException($"'{Name}': the chart {chart.Id} belongs to the space {chart.SpaceId}, which is not saved.");
            }

            if (Resources.Spaces.FindChart(chart.Id) is not null)
            {
                throw SavedTwice("chart", chart.Id);
            }

            Resources.Spaces.PutChart(chart);
            highest = Math.Max(highest, chart.Id);
            foreach (var stream in chart.Streams)
            {
                highest = Math.Max(highest, stream.Id);
            }
        }

        return highest;
    }
}
