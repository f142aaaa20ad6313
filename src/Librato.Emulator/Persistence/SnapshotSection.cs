using System;
using System.Collections.Generic;
using Librato.Emulator.Snapshots;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the snapshots; their jobs are saved with the other jobs.</summary>
internal sealed class SnapshotSection : ResourceSection<List<Snapshot>>
{
    public SnapshotSection(AccountStore account)
        : base("snapshots", account, ResourceJsonContext.Default.ListSnapshot)
    {
    }

    protected override List<Snapshot> Collect()
    {
        var snapshots = Resources.Snapshots.All();
        snapshots.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return snapshots;
    }

    protected override long Restore(List<Snapshot> saved)
    {
        long highest = 0;
        foreach (var snapshot in saved)
        {
            if (Resources.Snapshots.Find(snapshot.Id) is not null)
            {
                throw SavedTwice("snapshot", snapshot.Id);
            }

            Resources.Snapshots.Put(snapshot);
            highest = Math.Max(highest, Math.Max(snapshot.Id, snapshot.JobId));
        }

        return highest;
    }
}
