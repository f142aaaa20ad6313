using System.Text.Json;

namespace Librato.Emulator.Jobs;

/// <summary>
/// A background job as <c>GET /v1/jobs/:id</c> shows it. <see cref="State"/> is queued, working, complete,
/// failed or canceled; the optional parts are null when the job has none.
/// </summary>
internal sealed record Job(long Id, string State, double? Progress, JsonElement? Output, JsonElement? Errors)
{
    public const string Complete = "complete";
}
