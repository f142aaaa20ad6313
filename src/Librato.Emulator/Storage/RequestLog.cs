using System;
using System.Collections.Generic;

namespace Librato.Emulator.Storage;

/// <summary>The most recent /v1 requests, oldest first, bounded so a long-running emulator does not grow without limit.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private readonly Queue<RecordedRequest> entries = new();

    public RequestLog(int capacity)
    {
        Capacity = capacity;
    }

    public int Capacity { get; }

    public bool Enabled => Capacity > 0;

    public void Add(RecordedRequest request)
    {
        if (!Enabled)
        {
            return;
        }

        lock (gate)
        {
            while (entries.Count >= Capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(request);
        }
    }

    /// <summary>The entries, oldest first; only those of <paramref name="user"/> when it is given.</summary>
    public List<RecordedRequest> Snapshot(string? user)
    {
        lock (gate)
        {
            var result = new List<RecordedRequest>(entries.Count);
            foreach (var entry in entries)
            {
                if (user is null || string.Equals(entry.User, user, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(entry);
                }
            }

            return result;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    public void RemoveUser(string user)
    {
        lock (gate)
        {
            var kept = new List<RecordedRequest>(entries.Count);
            foreach (var entry in entries)
            {
                if (!string.Equals(entry.User, user, StringComparison.OrdinalIgnoreCase))
                {
                    kept.Add(entry);
                }
            }

            entries.Clear();
            foreach (var entry in kept)
            {
                entries.Enqueue(entry);
            }
        }
    }
}
