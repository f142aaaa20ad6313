using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Librato.Emulator.Storage;

/// <summary>Everything one account has stored: its metrics and, through them, its series.</summary>
internal sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Metric> metrics = new(StringComparer.OrdinalIgnoreCase);

    public AccountStore(EmulatorAccount account)
    {
        Account = account;
    }

    public EmulatorAccount Account { get; }

    public string Email => Account.Email;

    public Metric? Find(string name) => metrics.TryGetValue(name, out var metric) ? metric : null;

    /// <summary>Returns the metric with this name, creating it with the given type and properties if it is new.</summary>
    public Metric GetOrCreate(string name, MetricType type, in MetricCreation creation)
    {
        if (metrics.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var candidate = new Metric(name, type, creation);
        return metrics.GetOrAdd(name, candidate);
    }

    /// <summary>Creates the metric unless one with this name exists; returns whether this call created it.</summary>
    public bool TryCreate(string name, MetricType type, in MetricCreation creation, out Metric metric)
    {
        var candidate = new Metric(name, type, creation);
        metric = metrics.GetOrAdd(name, candidate);
        return ReferenceEquals(metric, candidate);
    }

    /// <summary>Removes the metric and all its data; false when there is no such metric.</summary>
    public bool Delete(string name)
    {
        if (!metrics.TryRemove(name, out var metric))
        {
            return false;
        }

        metric.MarkDeleted();
        return true;
    }

    public JobRegistry Jobs { get; } = new();

    public SourceRegistry Sources { get; } = new();

    public List<Metric> Snapshot() => new(metrics.Values);

    public int MetricCount => metrics.Count;

    public void Clear()
    {
        metrics.Clear();
        Jobs.Clear();
        Sources.Clear();
    }
}
