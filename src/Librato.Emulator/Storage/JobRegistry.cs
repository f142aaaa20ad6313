using System.Collections.Concurrent;
using System.Threading;

namespace Librato.Emulator.Storage;

/// <summary>
/// The jobs of one account. Job ids are unique across accounts, so one account can never read another's job by
/// guessing its id.
/// </summary>
internal sealed class JobRegistry
{
    private static long lastId = 1000;

    private readonly ConcurrentDictionary<long, Job> jobs = new();

    /// <summary>Records a job for work that has already been done.</summary>
    public Job AddCompleted()
    {
        var job = new Job(Interlocked.Increment(ref lastId), "complete", 100.0);
        jobs[job.Id] = job;
        return job;
    }

    public Job? Find(long id) => jobs.TryGetValue(id, out var job) ? job : null;

    public void Clear() => jobs.Clear();
}
