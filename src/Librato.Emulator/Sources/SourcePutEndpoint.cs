using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Librato.Emulator.Submission;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Sources;

/// <summary>
/// <c>PUT /v1/sources/:name</c>: creates a source (201 with <c>Location</c> and the source) or updates its
/// <c>display_name</c> (204). The name follows the source rules of submissions, <c>all</c> included.
/// </summary>
internal sealed class SourcePutEndpoint
{
    public const int MaxDisplayNameLength = 255;

    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = (string)context.Request.RouteValues["name"]!;
        var errors = new ParamErrors();
        if (LegacyDefaults.SourceProblem(name) is { } problem)
        {
            errors.Add("name", problem);
        }

        JsonDocument? document = null;
        if (!api.Body.IsEmpty && !JsonBody.TryParseObject(api.Body, out document))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.BodyUnparseable);
        }

        Optional<string?> displayName;
        using (document)
        {
            displayName = ReadDisplayName(document?.RootElement, errors);
        }

        if (errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        var source = api.Account.Sources.GetOrCreate(name, displayName.Value, out bool created);
        if (created)
        {
            context.Response.Headers.Location = "/v1/sources/" + source.Name;
            return JsonResponse.WriteAsync(context, StatusCodes.Status201Created, writer => SourceJson.Write(writer, source));
        }

        if (displayName.HasValue)
        {
            source.DisplayName = displayName.Value;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static Optional<string?> ReadDisplayName(JsonElement? root, ParamErrors errors)
    {
        if (root is not { } element || !element.TryGetProperty("display_name", out var value))
        {
            return Optional<string?>.Absent;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return Optional<string?>.Of(null);
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (text.Length > MaxDisplayNameLength)
                {
                    errors.Add("display_name", $"is too long (maximum is {MaxDisplayNameLength} characters)");
                    return Optional<string?>.Absent;
                }

                return Optional<string?>.Of(text);
            default:
                errors.Add("display_name", "must be a string");
                return Optional<string?>.Absent;
        }
    }
}
