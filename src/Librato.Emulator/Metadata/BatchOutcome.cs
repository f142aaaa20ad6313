using System.Threading.Tasks;
using Librato.Emulator.Jobs;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Metadata;

/// <summary>
/// How a batch update or delete answers: 204 for a small set of metrics, and for a larger one the 202 with a
/// job <c>Location</c> that the API gives when it hands the work to a job.
/// </summary>
internal static class BatchOutcome
{
    /// <summary>A batch touching more metrics than this answers 202 with a job.</summary>
    public const int JobThreshold = 100;

    /// <summary>
    /// The work is already done when this is called: the job is recorded as complete, so a client that polls it
    /// sees the final state at once. It goes into the account's one job store, beside the jobs of snapshots.
    /// </summary>
    public static Task RespondAsync(HttpContext context, AccountStore account, int affected)
    {
        if (affected <= JobThreshold)
        {
            return Respond.NoContent(context);
        }

        var resources = account.Resources;
        Job job;
        lock (resources.Gate)
        {
            job = resources.Jobs.AddCompleted(resources.Ids.Next());
        }

        return Respond.Accepted(context, "/v1/jobs/" + job.Id, writer => JobEndpoints.Write(writer, job));
    }
}
