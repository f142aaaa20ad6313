using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Librato.Emulator.Limits;
using Librato.Emulator.Persistence;
using Librato.Emulator.Resources;

namespace Librato.Emulator.Storage;

/// <summary>
/// Everything one account has stored: its metrics and, through them, its series; its sources, resources and jobs;
/// its tokens and request limit.
/// </summary>
internal sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Metric> metrics = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPersistentSection> sections = new();

    private readonly Action changed;

    // The metrics in listing order, made again only after a metric was added or removed: a long listing asks for
    // a thousand pages, and sorting every metric for each of them made the listing quadratic.
    private readonly object sortedGate = new();
    private List<Metric>? sortedByName;

    public AccountStore(EmulatorAccount account)
        : this(account, account.RateLimit ?? EmulatorRateLimit.Unlimited)
    {
    }

    /// <param name="account">The account.</param>
    /// <param name="rateLimit">Its request limit.</param>
    /// <param name="changed">
    /// Called when something the data file saves changes other than by a write request (those are noted by the
    /// request pipeline), such as an alert that starts firing when its status is read.
    /// </param>
    public AccountStore(EmulatorAccount account, EmulatorRateLimit rateLimit, Action? changed = null)
    {
        Account = account;
        Tokens = new TokenRegistry(account.AllTokens());
        RateLimiter = new AccountRateLimiter(rateLimit);
        this.changed = changed ?? (static () => { });
        RegisterSection(new MetricSection(this));
        RegisterSection(new SourceSection(Sources));
        foreach (var section in ResourceSections.For(this))
        {
            RegisterSection(section);
        }
    }

    public EmulatorAccount Account { get; }

    public string Email => Account.Email;

    /// <summary>
    /// The tokens this account accepts, with their roles: the configured ones and those created through
    /// <c>/v1/api_tokens</c>.
    /// </summary>
    public TokenRegistry Tokens { get; }

    public AccountRateLimiter RateLimiter { get; }

    /// <summary>The parts of this account's state that <c>--data-file</c> saves, each under its own name.</summary>
    public IReadOnlyList<IPersistentSection> Sections => sections;

    /// <summary>Adds a part of the account's state to what the data file saves; names must be unique.</summary>
    public void RegisterSection(IPersistentSection section)
    {
        foreach (var existing in sections)
        {
            if (string.Equals(existing.Name, section.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A persistent section named '{section.Name}' is already registered.");
            }
        }

        sections.Add(section);
    }

    public Metric? Find(string name) => metrics.TryGetValue(name, out var metric) ? metric : null;

    /// <summary>Returns the metric with this name, creating it with the given type and properties if it is new.</summary>
    public Metric GetOrCreate(string name, MetricType type, in MetricCreation creation)
    {
        if (metrics.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var candidate = new Metric(name, type, creation);
        var metric = metrics.GetOrAdd(name, candidate);
        if (ReferenceEquals(metric, candidate))
        {
            ForgetOrder();
        }

        return metric;
    }

    /// <summary>Creates the metric unless one with this name exists; returns whether this call created it.</summary>
    public bool TryCreate(string name, MetricType type, in MetricCreation creation, out Metric metric)
    {
        var candidate = new Metric(name, type, creation);
        metric = metrics.GetOrAdd(name, candidate);
        if (!ReferenceEquals(metric, candidate))
        {
            return false;
        }

        ForgetOrder();
        return true;
    }

    /// <summary>Removes the metric and all its data; false when there is no such metric.</summary>
    public bool Delete(string name)
    {
        if (!metrics.TryRemove(name, out var metric))
        {
            return false;
        }

        metric.MarkDeleted();
        ForgetOrder();
        return true;
    }

    public SourceRegistry Sources { get; } = new();

    public List<Metric> Snapshot() => new(metrics.Values);

    /// <summary>The metrics sorted by name as listings order them; a shared list, not to be changed.</summary>
    public IReadOnlyList<Metric> SortedByName()
    {
        lock (sortedGate)
        {
            if (sortedByName is null)
            {
                var sorted = new List<Metric>(metrics.Values);
                sorted.Sort(static (a, b) => Http.PageRequest.CompareNames(a.Name, b.Name));
                sortedByName = sorted;
            }

            return sortedByName;
        }
    }

    private void ForgetOrder()
    {
        lock (sortedGate)
        {
            sortedByName = null;
        }
    }

    public int MetricCount => metrics.Count;

    /// <summary>Drops the stored data, the sources, the resources (jobs included) and the tokens created through the API.</summary>
    public void Clear()
    {
        metrics.Clear();
        ForgetOrder();
        Sources.Clear();

        // Under the resources' gate, so no token is created between the id sequence's reset and the tokens'.
        lock (Resources.Gate)
        {
            Resources.Clear();
            Tokens.Reset(Account.AllTokens());
        }
    }

    /// <summary>Annotations, spaces, services, alerts, snapshots and jobs.</summary>
    public AccountResources Resources { get; } = new();

    /// <summary>Tells the data file that something it saves changed outside a write request.</summary>
    public void MarkChanged() => changed();
}
