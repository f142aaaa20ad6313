using System.Net.Http;
using System.Text.Json;

namespace Librato.Emulator.Tests.Support;

/// <summary>A response read to the end, with its body as text and, when it is JSON, parsed.</summary>
public sealed class ApiResponse
{
    private JsonElement? json;

    public ApiResponse(HttpResponseMessage message, string body)
    {
        Message = message;
        Body = body;
    }

    public HttpResponseMessage Message { get; }

    public int Status => (int)Message.StatusCode;

    public string Body { get; }

    public string? ContentType => Message.Content.Headers.ContentType?.ToString();

    public JsonElement Json
    {
        get
        {
            if (json is null)
            {
                using var document = JsonDocument.Parse(Body);
                json = document.RootElement.Clone();
            }

            return json.Value;
        }
    }

    public override string ToString() => $"{Status} {Body}";
}
