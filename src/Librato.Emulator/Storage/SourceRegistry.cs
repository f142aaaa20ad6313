using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Librato.Emulator.Storage;

/// <summary>
/// The sources of one account: those created with <c>PUT /v1/sources/:name</c> and those legacy submissions
/// have used. Names ignore case; the spelling first seen is kept.
/// </summary>
internal sealed class SourceRegistry
{
    private readonly ConcurrentDictionary<string, SourceRecord> sources = new(StringComparer.OrdinalIgnoreCase);

    public SourceRecord? Find(string name) => sources.TryGetValue(name, out var source) ? source : null;

    /// <summary>Makes sure a source seen in a submission exists.</summary>
    public void Touch(string name)
    {
        if (!sources.ContainsKey(name))
        {
            sources.TryAdd(name, new SourceRecord(name, null));
        }
    }

    /// <summary>Creates the source, or returns the existing one; <paramref name="created"/> tells which.</summary>
    public SourceRecord GetOrCreate(string name, string? displayName, out bool created)
    {
        var candidate = new SourceRecord(name, displayName);
        var source = sources.GetOrAdd(name, candidate);
        created = ReferenceEquals(source, candidate);
        return source;
    }

    public List<SourceRecord> Snapshot() => new(sources.Values);

    public void Clear() => sources.Clear();
}
