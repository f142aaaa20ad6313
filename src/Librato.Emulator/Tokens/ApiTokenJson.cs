using System.Text.Json;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Tokens;

internal static class ApiTokenJson
{
    /// <summary><c>{"name","token","active","role","href","created_at","updated_at"}</c> with times as "2013-02-01 18:53:38 UTC".</summary>
    public static void Write(Utf8JsonWriter writer, HttpContext context, ApiTokenEntry token)
    {
        writer.WriteStartObject();
        if (token.Name is null)
        {
            writer.WriteNull("name");
        }
        else
        {
            writer.WriteString("name", token.Name);
        }

        writer.WriteString("token", token.Token);
        writer.WriteBoolean("active", token.Active);
        writer.WriteString("role", token.Role.ToApiName());
        writer.WriteString("href", Hrefs.Absolute(context, "/v1/api_tokens/" + token.Id));
        writer.WriteString("created_at", ResourceTimes.Utc(token.CreatedAt));
        writer.WriteString("updated_at", ResourceTimes.Utc(token.UpdatedAt));
        writer.WriteEndObject();
    }
}
