using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator;

/// <summary>
/// Direct access to what an emulator instance has stored, for tests: every account's metrics and series, and the request log.
/// </summary>
public sealed class EmulatorState
{
    private readonly AccountStore[] stores;

    internal EmulatorState(IReadOnlyList<EmulatorAccount> accounts, int requestLogSize)
    {
        if (accounts.Count == 0)
        {
            throw new ArgumentException("At least one account is required.", nameof(accounts));
        }

        stores = new AccountStore[accounts.Count];
        for (int i = 0; i < accounts.Count; i++)
        {
            stores[i] = new AccountStore(accounts[i]);
        }

        Accounts = accounts;
        RequestLog = new RequestLog(requestLogSize);
    }

    public IReadOnlyList<EmulatorAccount> Accounts { get; }

    internal RequestLog RequestLog { get; }

    internal AccountStore DefaultStore => stores[0];

    /// <summary>Clears every account's metrics and series, and the request log.</summary>
    public void Reset()
    {
        foreach (var store in stores)
        {
            store.Clear();
        }

        RequestLog.Clear();
    }

    /// <summary>Clears one account's metrics and series, and that account's entries in the request log.</summary>
    public void Reset(string email)
    {
        Require(email).Clear();
        RequestLog.RemoveUser(email);
    }

    public EmulatorStats GetStats(string email)
    {
        var store = Require(email);
        int seriesTotal = 0;
        long pointTotal = 0;
        var perMetric = new SortedDictionary<string, EmulatorMetricStats>(StringComparer.OrdinalIgnoreCase);
        foreach (var metric in store.Snapshot())
        {
            int series = 0;
            long points = 0;
            foreach (var entry in metric.LegacySeries)
            {
                series++;
                points += entry.Value.Count;
            }

            foreach (var entry in metric.TaggedSeries)
            {
                series++;
                points += entry.Value.Count;
            }

            perMetric[metric.Name] = new EmulatorMetricStats(series, points);
            seriesTotal += series;
            pointTotal += points;
        }

        return new EmulatorStats(perMetric.Count, seriesTotal, pointTotal, perMetric);
    }

    /// <summary>The metric with this name (case-insensitive), or null.</summary>
    public EmulatorMetric? GetMetric(string email, string name)
    {
        var metric = Require(email).Find(name);
        if (metric is null)
        {
            return null;
        }

        var metadata = metric.ReadMetadata();
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var pair in metadata.Attributes)
        {
            attributes[pair.Key] = pair.Value;
        }

        return new EmulatorMetric(metadata.Name, metadata.Type.ToApiName(), metadata.DisplayName,
            metadata.Description, metadata.Period, metadata.Composite, attributes);
    }

    /// <summary>
    /// The metric's series: legacy ones first (by source, the one without a source first), then tagged ones
    /// (by tag pairs). Empty when the metric does not exist.
    /// </summary>
    public IReadOnlyList<EmulatorSeries> GetSeries(string email, string metricName)
    {
        var result = new List<EmulatorSeries>();
        var metric = Require(email).Find(metricName);
        if (metric is null)
        {
            return result;
        }

        var legacy = new List<Series>(metric.LegacySeries.Values);
        legacy.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Source ?? string.Empty, b.Source ?? string.Empty));
        foreach (var series in legacy)
        {
            result.Add(new EmulatorSeries(series.Source, null, ToPublic(series.All())));
        }

        var tagged = new List<Series>(metric.TaggedSeries.Values);
        tagged.Sort(static (a, b) => a.Tags!.CompareTo(b.Tags));
        foreach (var series in tagged)
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in series.Tags!.Pairs)
            {
                tags[pair.Key] = pair.Value;
            }

            result.Add(new EmulatorSeries(null, tags, ToPublic(series.All())));
        }

        return result;
    }

    /// <summary>The logged /v1 requests, oldest first; only those authenticated as <paramref name="email"/> when given.</summary>
    public IReadOnlyList<RecordedRequest> GetRequests(string? email = null) => RequestLog.Snapshot(email);

    public void ClearRequests() => RequestLog.Clear();

    internal AccountStore? FindStore(string email)
    {
        foreach (var store in stores)
        {
            if (string.Equals(store.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return store;
            }
        }

        return null;
    }

    internal AccountStore? Authenticate(string email, string token)
    {
        var store = FindStore(email);
        if (store is null)
        {
            return null;
        }

        // Comparing as bytes in fixed time costs nothing here and keeps the emulator from teaching bad habits.
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(store.Account.Token), Encoding.UTF8.GetBytes(token))
            ? store
            : null;
    }

    private AccountStore Require(string email) =>
        FindStore(email) ?? throw new ArgumentException($"No account '{email}' is configured.", nameof(email));

    private static EmulatorPoint[] ToPublic(Point[] points)
    {
        var result = new EmulatorPoint[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            var p = points[i];
            result[i] = new EmulatorPoint(p.Time, p.Value, p.Count, p.Sum, p.Min, p.Max, p.SumSquares, p.Last);
        }

        return result;
    }
}
