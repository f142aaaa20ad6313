using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Control;

/// <summary>
/// The /_emulator routes that tests and scripts use to inspect and reset the emulator. They need no
/// authentication: the emulator listens on loopback only.
/// </summary>
internal sealed class ControlEndpoints
{
    private readonly EmulatorState state;

    public ControlEndpoints(EmulatorState state)
    {
        this.state = state;
    }

    /// <summary><c>POST /_emulator/reset[?user=email]</c></summary>
    public Task ResetAsync(HttpContext context)
    {
        string? user = ControlUser.Get(context);
        if (user is null)
        {
            state.Reset();
        }
        else if (state.FindStore(user) is null)
        {
            return ControlUser.UnknownAsync(context, user);
        }
        else
        {
            state.Reset(user);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary><c>GET /_emulator/stats[?user=email]</c>, for the first account when no user is given.</summary>
    public Task StatsAsync(HttpContext context)
    {
        var store = ControlUser.FindOrDefault(state, context, out string? user);
        if (store is null)
        {
            return ControlUser.UnknownAsync(context, user);
        }

        var stats = state.GetStats(store.Email);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("metrics", stats.Metrics);
            writer.WriteNumber("series", stats.Series);
            writer.WriteNumber("measurements", stats.Measurements);
            writer.WriteStartObject("per_metric");
            foreach (var entry in stats.PerMetric)
            {
                writer.WriteStartObject(entry.Key);
                writer.WriteNumber("series", entry.Value.Series);
                writer.WriteNumber("measurements", entry.Value.Measurements);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET /_emulator/requests[?user=email]</c>: every logged request, or only that account's.</summary>
    public Task RequestsAsync(HttpContext context)
    {
        string? user = ControlUser.Get(context);
        if (user is not null && state.FindStore(user) is null)
        {
            return ControlUser.UnknownAsync(context, user);
        }

        var requests = state.GetRequests(user);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach (var request in requests)
            {
                WriteRequest(writer, request);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary><c>DELETE /_emulator/requests</c></summary>
    public Task ClearRequestsAsync(HttpContext context)
    {
        state.ClearRequests();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static void WriteRequest(Utf8JsonWriter writer, RecordedRequest request)
    {
        writer.WriteStartObject();
        writer.WriteNumber("time", request.Time);
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteString("query", request.Query);
        writer.WriteNumber("status", request.Status);
        writer.WriteStartObject("headers");
        foreach (var header in request.Headers)
        {
            writer.WriteString(header.Key, header.Value);
        }

        writer.WriteEndObject();
        writer.WriteString("body", request.Body);
        if (request.User is null)
        {
            writer.WriteNull("user");
        }
        else
        {
            writer.WriteString("user", request.User);
        }

        if (request.Fault is null)
        {
            writer.WriteNull("fault");
        }
        else
        {
            writer.WriteString("fault", request.Fault);
        }

        writer.WriteEndObject();
    }
}
