using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Limits;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Control;

/// <summary><c>/_emulator/rate-limit</c>: shows and changes an account's request limit while the emulator runs.</summary>
internal sealed class RateLimitEndpoints
{
    private readonly EmulatorState state;

    public RateLimitEndpoints(EmulatorState state)
    {
        this.state = state;
    }

    /// <summary><c>GET /_emulator/rate-limit[?user=email]</c>, for the first account when no user is given.</summary>
    public Task ShowAsync(HttpContext context)
    {
        var store = ControlUser.FindOrDefault(state, context, out string? user);
        if (store is null)
        {
            return ControlUser.UnknownAsync(context, user);
        }

        var limiter = store.RateLimiter;
        var settings = limiter.Settings;
        long now = Clock.NowMilliseconds();
        var agg = limiter.Peek(RateBucket.Agg, now);
        var std = limiter.Peek(RateBucket.Std, now);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("user", store.Email);
            WriteSettings(writer, settings);
            WriteView(writer, "agg", agg);
            WriteView(writer, "std", std);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>PUT /_emulator/rate-limit[?user=email]</c> with <c>{"limit":N|null,"window_seconds":S,"status":429|403}</c>:
    /// for that account, or every account. Fields left out keep their value; the windows start afresh. 204.
    /// </summary>
    public async Task UpdateAsync(HttpContext context)
    {
        string? user = ControlUser.Get(context);
        AccountStore? only = null;
        if (user is not null && (only = state.FindStore(user)) is null)
        {
            await ControlUser.UnknownAsync(context, user).ConfigureAwait(false);
            return;
        }

        using var document = await ControlBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var errors = new ParamErrors();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("limit" or "window_seconds" or "status"))
            {
                errors.Add(property.Name, "is not a rate-limit field (use limit, window_seconds, status)");
            }
        }

        var stores = only is null ? state.Stores : new[] { only };
        var updated = new EmulatorRateLimit[stores.Count];
        for (int i = 0; i < stores.Count && !errors.Any; i++)
        {
            updated[i] = Apply(root, stores[i].RateLimiter.Settings, errors);
        }

        if (errors.Any)
        {
            await JsonResponse.ParamErrorsAsync(context, errors).ConfigureAwait(false);
            return;
        }

        for (int i = 0; i < stores.Count; i++)
        {
            stores[i].RateLimiter.Configure(updated[i]);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static EmulatorRateLimit Apply(JsonElement root, EmulatorRateLimit current, ParamErrors errors)
    {
        int? limit = current.Limit;
        if (root.TryGetProperty("limit", out var limitElement))
        {
            if (limitElement.ValueKind == JsonValueKind.Null)
            {
                limit = null;
            }
            else if (JsonNumbers.ReadInteger(limitElement, out long value) != NumberStatus.Ok || value is < 1 or > int.MaxValue)
            {
                errors.Add("limit", "must be a whole number of at least 1, or null for no limit");
            }
            else
            {
                limit = (int)value;
            }
        }

        int window = current.WindowSeconds;
        if (root.TryGetProperty("window_seconds", out var windowElement))
        {
            if (JsonNumbers.ReadInteger(windowElement, out long value) != NumberStatus.Ok || value is < 1 or > RateLimitRules.MaxWindowSeconds)
            {
                errors.Add("window_seconds", $"must be a whole number between 1 and {RateLimitRules.MaxWindowSeconds}");
            }
            else
            {
                window = (int)value;
            }
        }

        int status = current.Status;
        if (root.TryGetProperty("status", out var statusElement))
        {
            if (JsonNumbers.ReadInteger(statusElement, out long value) != NumberStatus.Ok || value is not (429 or 403))
            {
                errors.Add("status", "must be 429 or 403");
            }
            else
            {
                status = (int)value;
            }
        }

        return new EmulatorRateLimit(limit, window, status);
    }

    private static void WriteSettings(Utf8JsonWriter writer, EmulatorRateLimit settings)
    {
        writer.WriteOrNull("limit", settings.Limit);

        writer.WriteNumber("window_seconds", settings.WindowSeconds);
        writer.WriteNumber("status", settings.Status);
    }

    private static void WriteView(Utf8JsonWriter writer, string name, RateView view)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("limit", view.Limit);
        writer.WriteNumber("remaining", view.Remaining);
        writer.WriteNumber("reset", view.Reset);
        writer.WriteEndObject();
    }
}
