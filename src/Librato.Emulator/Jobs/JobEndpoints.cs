using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Jobs;

/// <summary><c>GET /v1/jobs/:id</c>: the state of a job started by a route that answered 202.</summary>
internal sealed class JobEndpoints
{
    public Task ShowAsync(HttpContext context) =>
        ResourceById.ShowAsync(context, ResourceMessages.JobNotFound, static (resources, id) => resources.Jobs.Find(id), Write);

    /// <summary><c>{"id","state"}</c> plus <c>progress</c>, <c>output</c> and <c>errors</c> when the job has them.</summary>
    public static void Write(Utf8JsonWriter writer, Job job)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", job.Id);
        writer.WriteString("state", job.State);
        if (job.Progress is { } progress)
        {
            writer.WriteNumber("progress", progress);
        }

        if (job.Output is { } output)
        {
            writer.WritePropertyName("output");
            output.WriteTo(writer);
        }

        if (job.Errors is { } errors)
        {
            writer.WritePropertyName("errors");
            errors.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
