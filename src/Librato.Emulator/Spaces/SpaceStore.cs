using System.Collections.Generic;

namespace Librato.Emulator.Spaces;

/// <summary>An account's spaces and their charts. Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.</summary>
internal sealed class SpaceStore
{
    private readonly Dictionary<long, Space> spaces = new();
    private readonly Dictionary<long, Chart> charts = new();

    public int Count => spaces.Count;

    public Space? Find(long id) => spaces.TryGetValue(id, out var space) ? space : null;

    public void Put(Space space) => spaces[space.Id] = space;

    /// <summary>Removes the space and every chart in it.</summary>
    public bool Remove(long id)
    {
        foreach (var chart in ChartsOf(id))
        {
            charts.Remove(chart.Id);
        }

        return spaces.Remove(id);
    }

    public List<Space> All() => new(spaces.Values);

    /// <summary>The space's charts in the order they were created.</summary>
    public List<Chart> ChartsOf(long spaceId)
    {
        var result = new List<Chart>();
        foreach (var chart in charts.Values)
        {
            if (chart.SpaceId == spaceId)
            {
                result.Add(chart);
            }
        }

        result.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return result;
    }

    /// <summary>The chart with this id in any space, or null.</summary>
    public Chart? FindChart(long chartId) => charts.TryGetValue(chartId, out var chart) ? chart : null;

    public void PutChart(Chart chart) => charts[chart.Id] = chart;

    public bool RemoveChart(long chartId) => charts.Remove(chartId);

    public void Clear()
    {
        spaces.Clear();
        charts.Clear();
    }
}
