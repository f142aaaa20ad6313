using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;

namespace Librato.Emulator.Storage;

/// <summary>
/// The series of one metric by key. A dictionary under a lock rather than a concurrent dictionary: a metric can
/// hold hundreds of thousands of series (one per source or tag set), and a concurrent dictionary keeps an object
/// per entry, made again at every growth, which the collector then has to trace and copy; here an entry is a slot
/// of an array, and a new series costs one hash of its key.
/// </summary>
internal sealed class SeriesTable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Series> series;

    public SeriesTable(IEqualityComparer<string> comparer)
    {
        series = new Dictionary<string, Series>(comparer);
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return series.Count;
            }
        }
    }

    /// <summary>A copy of the series, for readers to go through without holding up submissions.</summary>
    public List<Series> Values
    {
        get
        {
            lock (gate)
            {
                return new List<Series>(series.Values);
            }
        }
    }

    /// <summary>The series with this key, made by <paramref name="create"/> when there is none; <paramref name="created"/> tells which.</summary>
    public Series GetOrAdd<TState>(string key, Func<TState, Series> create, TState state, out bool created)
    {
        lock (gate)
        {
            return GetOrAddHeld(key, create, state, out created);
        }
    }

    /// <summary>
    /// Holds the table for a run of <see cref="GetOrAddHeld"/> calls, until <see cref="Exit"/>: a submission finds
    /// all its new series under one hold, where a hold per measurement made two concurrent submissions to one metric
    /// wait on each other hundreds of times a request.
    /// </summary>
    public void Enter() => gate.Enter();

    public void Exit() => gate.Exit();

    /// <summary><see cref="GetOrAdd"/> for a caller inside <see cref="Enter"/>.</summary>
    public Series GetOrAddHeld<TState>(string key, Func<TState, Series> create, TState state, out bool created)
    {
        Debug.Assert(gate.IsHeldByCurrentThread, "The table is held by this thread.");
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(series, key, out bool exists);
        if (exists)
        {
            created = false;
            return slot!;
        }

        try
        {
            slot = create(state);
        }
        catch
        {
            series.Remove(key);
            throw;
        }

        created = true;
        return slot;
    }
}
