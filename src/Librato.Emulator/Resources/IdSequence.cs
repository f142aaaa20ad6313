using System;
using System.Collections.Generic;

namespace Librato.Emulator.Resources;

/// <summary>
/// Hands out the ids of one account's resources. Annotations, spaces, charts, streams, services, alerts,
/// conditions, snapshots, jobs and API tokens all draw from the same sequence, so an id never names two
/// things and a client that mixes them up gets a 404 instead of the wrong object.
/// </summary>
internal sealed class IdSequence
{
    /// <summary>The last id handed out; 0 before the first.</summary>
    public long Last { get; private set; }

    public long Next() => ++Last;

    /// <summary>Continues after <paramref name="last"/>, for state restored from elsewhere.</summary>
    public void Restore(long last) => Last = last;

    public void Reset() => Last = 0;

    /// <summary>
    /// Gives every part of a resource (an alert's conditions, a chart's streams) an id. A part that names one of
    /// the <paramref name="current"/> parts keeps that id (clients send back what they read); any other gets a new one.
    /// </summary>
    public List<T> AssignKeeping<T>(List<T> parts, IReadOnlyList<T> current, Func<T, long> idOf, Func<T, long, T> withId)
    {
        var kept = new HashSet<long>();
        foreach (var part in current)
        {
            kept.Add(idOf(part));
        }

        var result = new List<T>(parts.Count);
        foreach (var part in parts)
        {
            long id = idOf(part);
            bool reuse = id != 0 && kept.Remove(id);
            result.Add(withId(part, reuse ? id : Next()));
        }

        return result;
    }
}
