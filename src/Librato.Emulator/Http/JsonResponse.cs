using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Http;

/// <summary>Writes JSON responses and the error shapes the Librato API uses.</summary>
internal static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    // Relaxed escaping keeps quotes and apostrophes readable in messages such as "'x' is not a valid metric name".
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeBody(writer);
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary><c>{"errors":{"request":[messages]}}</c></summary>
    public static Task RequestErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errors");
            writer.WriteStartArray("request");
            writer.WriteStringValue(message);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>
    /// The legacy reads' error for a resolution they cannot give; this one error carries a bare string under
    /// <c>request</c>, unlike every other error body.
    /// </summary>
    public static Task ResolutionUnavailableAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errors");
            writer.WriteString("request", ErrorMessages.ResolutionUnavailable);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary><c>{"errors":{"params":{...}}}</c>, with <c>request_time</c> when given.</summary>
    public static Task ParamErrorsAsync(HttpContext context, ParamErrors errors, long? requestTime = null) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errors");
            writer.WriteStartObject("params");
            foreach (var entry in errors.Entries)
            {
                writer.WriteStartArray(entry.Key);
                foreach (var message in entry.Value)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            if (requestTime.HasValue)
            {
                writer.WriteNumber("request_time", requestTime.Value);
            }

            writer.WriteEndObject();
        });

    public static Task ParamErrorAsync(HttpContext context, string param, string message, long? requestTime = null)
    {
        var errors = new ParamErrors();
        errors.Add(param, message);
        return ParamErrorsAsync(context, errors, requestTime);
    }
}
