using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Jobs;
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
    /// sees the final state at once.
    /// </summary>
    public static Task RespondAsync(HttpContext context, AccountStore account, int affected)
    {
        if (affected <= JobThreshold)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        var job = account.Jobs.AddCompleted();
        context.Response.Headers.Location = "/v1/jobs/" + job.Id;
        return JsonResponse.WriteAsync(context, StatusCodes.Status202Accepted, writer => JobJson.Write(writer, job));
    }
}
