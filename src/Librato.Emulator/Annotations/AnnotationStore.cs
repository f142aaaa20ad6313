using System;
using System.Collections.Generic;

namespace Librato.Emulator.Annotations;

/// <summary>
/// An account's annotation streams (names ignore case, the first spelling is kept) and their events.
/// Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.
/// </summary>
internal sealed class AnnotationStore
{
    private readonly Dictionary<string, Entry> streams = new(StringComparer.OrdinalIgnoreCase);

    public int Count => streams.Count;

    public AnnotationStream? Find(string name) => streams.TryGetValue(name, out var entry) ? entry.Stream : null;

    /// <summary>The stream with this name, created with the name as its display name when it is new.</summary>
    public AnnotationStream GetOrCreate(string name)
    {
        if (!streams.TryGetValue(name, out var entry))
        {
            entry = new Entry(new AnnotationStream(name, name));
            streams[name] = entry;
        }

        return entry.Stream;
    }

    public void Put(AnnotationStream stream) => streams[stream.Name].Stream = stream;

    public bool Remove(string name) => streams.Remove(name);

    public List<AnnotationStream> All()
    {
        var result = new List<AnnotationStream>(streams.Count);
        foreach (var entry in streams.Values)
        {
            result.Add(entry.Stream);
        }

        return result;
    }

    /// <summary>The stream's events in no particular order; empty when the stream does not exist.</summary>
    public List<AnnotationEvent> Events(string streamName) =>
        streams.TryGetValue(streamName, out var entry) ? new List<AnnotationEvent>(entry.Events.Values) : new List<AnnotationEvent>();

    public AnnotationEvent? FindEvent(string streamName, long id) =>
        streams.TryGetValue(streamName, out var entry) && entry.Events.TryGetValue(id, out var found) ? found : null;

    /// <summary>Adds or replaces an event of an existing stream.</summary>
    public void PutEvent(string streamName, AnnotationEvent annotation) => streams[streamName].Events[annotation.Id] = annotation;

    public bool RemoveEvent(string streamName, long id) =>
        streams.TryGetValue(streamName, out var entry) && entry.Events.Remove(id);

    public void Clear() => streams.Clear();

    private sealed class Entry
    {
        public Entry(AnnotationStream stream)
        {
            Stream = stream;
        }

        public AnnotationStream Stream { get; set; }

        public Dictionary<long, AnnotationEvent> Events { get; } = new();
    }
}
