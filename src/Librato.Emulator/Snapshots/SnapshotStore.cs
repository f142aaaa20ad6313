using System.Collections.Generic;

namespace Librato.Emulator.Snapshots;

/// <summary>An account's snapshots. Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.</summary>
internal sealed class SnapshotStore
{
    private readonly Dictionary<long, Snapshot> snapshots = new();

    public int Count => snapshots.Count;

    public Snapshot? Find(long id) => snapshots.TryGetValue(id, out var snapshot) ? snapshot : null;

    public void Put(Snapshot snapshot) => snapshots[snapshot.Id] = snapshot;

    public List<Snapshot> All() => new(snapshots.Values);

    public void Clear() => snapshots.Clear();
}
