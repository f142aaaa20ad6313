using System.Collections.Generic;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Faults;

/// <summary>
/// Pending faults, oldest first. A request takes the first fault that matches it and still has uses left; a fault
/// is gone once used up.
/// </summary>
internal sealed class FaultRegistry
{
    private readonly object gate = new();
    private readonly List<Fault> faults = new();
    private int lastId;
    private int pending;

    public Fault Add(Fault fault)
    {
        lock (gate)
        {
            fault.Id = ++lastId;
            faults.Add(fault);
            Volatile.Write(ref pending, faults.Count);
            return fault;
        }
    }

    /// <summary>The first matching fault, with one of its uses taken; null when none matches.</summary>
    public Fault? TryTake(string method, PathString path, string? user)
    {
        // Most requests meet no fault at all; they should not queue on the lock to find that out.
        if (Volatile.Read(ref pending) == 0)
        {
            return null;
        }

        lock (gate)
        {
            for (int i = 0; i < faults.Count; i++)
            {
                var fault = faults[i];
                if (!fault.Matches(method, path, user) || !fault.TryUse())
                {
                    continue;
                }

                if (fault.Remaining == 0)
                {
                    faults.RemoveAt(i);
                    Volatile.Write(ref pending, faults.Count);
                }

                return fault;
            }

            return null;
        }
    }

    public List<Fault> Snapshot()
    {
        lock (gate)
        {
            return new List<Fault>(faults);
        }
    }

    public bool Remove(int id)
    {
        lock (gate)
        {
            int removed = faults.RemoveAll(fault => fault.Id == id);
            Volatile.Write(ref pending, faults.Count);
            return removed > 0;
        }
    }

    /// <summary>Drops every fault; ids start again from 1, so a test that clears first knows its faults' ids.</summary>
    public void Clear()
    {
        lock (gate)
        {
            faults.Clear();
            lastId = 0;
            Volatile.Write(ref pending, 0);
        }
    }
}
