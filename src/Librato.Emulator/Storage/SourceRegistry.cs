using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Librato.Emulator.Storage;

/// <summary>
/// The sources of one account: those created with <c>PUT /v1/sources/:name</c> and those legacy submissions
/// have used. Names ignore case; the spelling first seen is kept.
/// </summary>
/// <remarks>
/// A submission can bring hundreds of thousands of new sources, nearly all of which nobody ever reads one by one:
/// a source only seen in a submission is kept as its name alone, and becomes a record when it is first asked for.
/// </remarks>
internal sealed class SourceRegistry
{
    private readonly Lock gate = new();

    /// <summary>By name: the <see cref="SourceRecord"/>, or the spelling (a string) of a source not yet asked for.</summary>
    private readonly Dictionary<string, object> sources = new(StringComparer.OrdinalIgnoreCase);

    public SourceRecord? Find(string name)
    {
        lock (gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(sources, name);
            return Unsafe.IsNullRef(ref slot) ? null : Materialize(ref slot);
        }
    }

    /// <summary>Makes sure a source seen in a submission exists.</summary>
    public void Touch(string name) => TouchAll(new ReadOnlySpan<string>(in name));

    /// <summary>Makes sure the sources a submission brought exist, under one hold of the registry.</summary>
    public void TouchAll(ReadOnlySpan<string> names)
    {
        lock (gate)
        {
            foreach (string name in names)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sources, name, out bool exists);
                if (!exists)
                {
                    slot = name;
                }
            }
        }
    }

    /// <summary>Creates the source, or returns the existing one; <paramref name="created"/> tells which.</summary>
    public SourceRecord GetOrCreate(string name, string? displayName, out bool created)
    {
        lock (gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sources, name, out bool exists);
            created = !exists;
            if (!exists)
            {
                var record = new SourceRecord(name, displayName);
                slot = record;
                return record;
            }

            return Materialize(ref slot!);
        }
    }

    public List<SourceRecord> Snapshot()
    {
        lock (gate)
        {
            var all = new List<SourceRecord>(sources.Count);
            foreach (var value in sources.Values)
            {
                all.Add(AsRecord(value));
            }

            return all;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            sources.Clear();
        }
    }

    /// <summary>The slot's record, made from the name and kept when the slot held only the name.</summary>
    private static SourceRecord Materialize(ref object slot)
    {
        var record = AsRecord(slot);
        slot = record;
        return record;
    }

    /// <summary>The record a value stands for: itself, or a record without a display name for a name alone.</summary>
    private static SourceRecord AsRecord(object value) => value as SourceRecord ?? new SourceRecord((string)value, null);
}
