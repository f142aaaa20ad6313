using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using Librato.Emulator.Faults;
using Librato.Emulator.Storage;

namespace Librato.Emulator;

/// <summary>
/// Direct access to what an emulator instance has stored, for tests: every account's metrics and series, and the request log.
/// </summary>
public sealed class EmulatorState
{
    private readonly AccountStore[] stores;
    private long changeVersion;

    internal EmulatorState(IReadOnlyList<EmulatorAccount> accounts, int requestLogSize)
        : this(accounts, requestLogSize, EmulatorRateLimit.Unlimited)
    {
    }

    /// <param name="accounts">The accounts, each with its own data.</param>
    /// <param name="requestLogSize">How many requests the log keeps.</param>
    /// <param name="rateLimit">The request limit of accounts that do not set their own.</param>
    internal EmulatorState(IReadOnlyList<EmulatorAccount> accounts, int requestLogSize, EmulatorRateLimit rateLimit)
    {
        if (accounts.Count == 0)
        {
            throw new ArgumentException("At least one account is required.", nameof(accounts));
        }

        stores = new AccountStore[accounts.Count];
        for (int i = 0; i < accounts.Count; i++)
        {
            stores[i] = new AccountStore(accounts[i], accounts[i].RateLimit ?? rateLimit, MarkChanged);
        }

        Accounts = accounts;
        RequestLog = new RequestLog(requestLogSize);
    }

    public IReadOnlyList<EmulatorAccount> Accounts { get; }

    /// <summary>Whether this instance answers as AppOptics (see <see cref="EmulatorOptions.AppOptics"/>).</summary>
    public bool AppOptics { get; internal init; }

    internal RequestLog RequestLog { get; }

    /// <summary>Faults waiting for the next matching /v1 requests.</summary>
    internal FaultRegistry Faults { get; } = new();

    internal AccountStore DefaultStore => stores[0];

    internal IReadOnlyList<AccountStore> Stores => stores;

    /// <summary>Grows whenever stored data may have changed; the data file is saved when it differs from the last save.</summary>
    internal long ChangeVersion => Interlocked.Read(ref changeVersion);

    /// <summary>
    /// Clears every account's data and the request log, drops pending faults and tokens added at run time, and
    /// puts every account's rate limit back to its configured settings with fresh windows.
    /// </summary>
    public void Reset()
    {
        foreach (var store in stores)
        {
            store.Clear();
            store.RateLimiter.Restore();
        }

        RequestLog.Clear();
        Faults.Clear();
        MarkChanged();
    }

    /// <summary>
    /// Clears one account's data and its entries in the request log, drops its tokens added at run time, and
    /// puts its rate limit back to its configured settings.
    /// </summary>
    public void Reset(string email)
    {
        var store = Require(email);
        store.Clear();
        store.RateLimiter.Restore();
        RequestLog.RemoveUser(email);
        MarkChanged();
    }

    /// <summary>Changes the request limit of one account, or of every account when <paramref name="email"/> is null, until the next reset.</summary>
    public void SetRateLimit(EmulatorRateLimit rateLimit, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(rateLimit);
        if (email is not null)
        {
            Require(email).RateLimiter.Configure(rateLimit);
            return;
        }

        foreach (var store in stores)
        {
            store.RateLimiter.Configure(rateLimit);
        }
    }

    /// <summary>The request limit currently applied to the account.</summary>
    public EmulatorRateLimit GetRateLimit(string email) => Require(email).RateLimiter.Settings;

    /// <summary>Drops every pending injected fault.</summary>
    public void ClearFaults() => Faults.Clear();

    internal void MarkChanged() => Interlocked.Increment(ref changeVersion);

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
            foreach (var entry in metric.LegacySeries.Values)
            {
                series++;
                points += entry.Count;
            }

            foreach (var entry in metric.TaggedSeries.Values)
            {
                series++;
                points += entry.Count;
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

    /// <summary>The account whose tokens include <paramref name="token"/>, active or not; null when there is none.</summary>
    internal AccountStore? Authenticate(string email, string token, out ApiTokenEntry? entry)
    {
        entry = null;
        var store = FindStore(email);
        entry = store?.Tokens.Find(token);
        return entry is null ? null : store;
    }

    /// <summary>The account holding <paramref name="token"/>, active or not, whatever its email (AppOptics authentication).</summary>
    internal AccountStore? AuthenticateToken(string token, out ApiTokenEntry? entry)
    {
        foreach (var store in stores)
        {
            entry = store.Tokens.Find(token);
            if (entry is not null)
            {
                return store;
            }
        }

        entry = null;
        return null;
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
