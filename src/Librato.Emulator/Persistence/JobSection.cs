using System;
using System.Collections.Generic;
using Librato.Emulator.Jobs;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the jobs of routes that answered 202, so their <c>Location</c> keeps working after a restart.</summary>
internal sealed class JobSection : ResourceSection<List<Job>>
{
    public JobSection(AccountStore account)
        : base("jobs", account, ResourceJsonContext.Default.ListJob)
    {
    }

    protected override List<Job> Collect()
    {
        var jobs = Resources.Jobs.All();
        jobs.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return jobs;
    }

    protected override long Restore(List<Job> saved)
    {
        long highest = 0;
        foreach (var job in saved)
        {
            if (Resources.Jobs.Find(job.Id) is not null)
            {
                throw SavedTwice("job", job.Id);
            }

            Resources.Jobs.Put(job);
            highest = Math.Max(highest, job.Id);
        }

        return highest;
    }
}
