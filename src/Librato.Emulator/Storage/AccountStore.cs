using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Librato.Emulator.Resources;
using Librato.Emulator.Tokens;

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

    public List<Metric> Snapshot() => new(metrics.Values);

    public int MetricCount => metrics.Count;

    public void Clear()
    {
        metrics.Clear();
        Resources.Clear();
    }

    /// <summary>Annotations, spaces, services, alerts, snapshots, jobs and API tokens.</summary>
    public AccountResources Resources { get; } = new();

    /// <summary>
    /// The API token created through <c>/v1/api_tokens</c> with this value, giving its role and whether it is
    /// active; null when this account has no such token. Takes no lock, so authentication can ask on every request.
    /// </summary>
    public ApiToken? LookupApiToken(string token) => Resources.ApiTokens.FindByValue(token);
}
