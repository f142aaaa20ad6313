using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the annotation streams with their events and links.</summary>
internal sealed class AnnotationSection : ResourceSection<List<SavedStream>>
{
    public AnnotationSection(AccountStore account)
        : base("annotations", account, ResourceJsonContext.Default.ListSavedStream)
    {
    }

    protected override List<SavedStream> Collect()
    {
        var streams = Resources.Annotations.All();
        streams.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        var result = new List<SavedStream>(streams.Count);
        foreach (var stream in streams)
        {
            var events = Resources.Annotations.Events(stream.Name);
            events.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            result.Add(new SavedStream(stream.Name, stream.DisplayName, events));
        }

        return result;
    }

    protected override long Restore(List<SavedStream> saved)
    {
        long highest = 0;
        foreach (var stream in saved)
        {
            if (Resources.Annotations.Find(stream.Name) is not null)
            {
                throw new FormatException($"'{Name}': the stream '{stream.Name}' is saved more than once.");
            }

            var created = Resources.Annotations.GetOrCreate(stream.Name);
            Resources.Annotations.Put(created with { DisplayName = stream.DisplayName });
            foreach (var annotation in stream.Events)
            {
                if (Resources.Annotations.FindEvent(stream.Name, annotation.Id) is not null)
                {
                    throw SavedTwice("event", annotation.Id);
                }

                Resources.Annotations.PutEvent(stream.Name, annotation);
                highest = Math.Max(highest, annotation.Id);
            }
        }

        return highest;
    }
}
