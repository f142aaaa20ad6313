using System.Collections.Generic;

namespace Librato.Emulator.Jobs;

/// <summary>
/// An account's jobs. Any route that answers 202 records one here and points its Location (or a
/// <c>job_href</c>) at it. Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.
/// </summary>
internal sealed class JobStore
{
    private readonly Dictionary<long, Job> jobs = new();

    public int Count => jobs.Count;

    public Job? Find(long id) => jobs.TryGetValue(id, out var job) ? job : null;

    public void Put(Job job) => jobs[job.Id] = job;

    /// <summary>Records a job that finished when its request was answered: complete, at 100% progress.</summary>
    public Job AddCompleted(long id)
    {
        var job = new Job(id, Job.Complete, 100.0, null, null);
        jobs[id] = job;
        return job;
    }

    public List<Job> All() => new(jobs.Values);

    public void Clear() => jobs.Clear();
}
