using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Librato.Emulator.Faults;

/// <summary>Answers a /v1 request the way a <see cref="Fault"/> says, running the route first when the fault processes it.</summary>
internal static class FaultResponder
{
    private const string Placeholder = "{\"errors\":{\"system\":[\"This response was cut short by an injected fault.\"]}}";
    private const string HtmlContentType = "text/html; charset=utf-8";
    private const int DropGraceMilliseconds = 100;

    /// <summary>Returns false when no response at all reached the client (a delay the client did not wait for).</summary>
    public static async Task<bool> RespondAsync(HttpContext context, Fault fault, Func<Task> handle, CancellationToken stopping)
    {
        if (fault.DelayMilliseconds > 0 && !await DelayAsync(context, fault, handle, stopping).ConfigureAwait(false))
        {
            return false;
        }

        if (fault.Kind == FaultKind.Delay)
        {
            AddRetryAfter(context.Response, fault);
            await handle().ConfigureAwait(false);
            return true;
        }

        var captured = fault.Process ? await CaptureAsync(context, handle).ConfigureAwait(false) : null;
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                await DropAsync(context, fault, captured).ConfigureAwait(false);
                break;
            case FaultKind.Truncate:
                await TruncateAsync(response, fault, captured).ConfigureAwait(false);
                break;
            case FaultKind.NonJson:
                KeepRateLimitHeaders(response, captured);
                await WriteAsync(response, fault, fault.Status ?? StatusCodes.Status502BadGateway, HtmlContentType,
                    Encoding.UTF8.GetBytes(fault.Body ?? HtmlPage(fault.Status ?? StatusCodes.Status502BadGateway))).ConfigureAwait(false);
                break;
            default:
                KeepRateLimitHeaders(response, captured);
                int status = fault.Status ?? StatusCodes.Status500InternalServerError;
                await WriteAsync(response, fault, status, fault.ContentType ?? JsonResponse.ContentType,
                    Encoding.UTF8.GetBytes(fault.Body ?? DefaultErrorBody(status))).ConfigureAwait(false);
                break;
        }

        return true;
    }

    /// <summary>Waits; false when the client left (or the emulator is stopping) first, in which case nobody is answered.</summary>
    private static async Task<bool> DelayAsync(HttpContext context, Fault fault, Func<Task> handle, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(fault.DelayMilliseconds, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            // A real server keeps working on a request whose client timed out, so the data still lands.
            if (fault.Process)
            {
                await CaptureAsync(context, handle).ConfigureAwait(false);
            }

            return false;
        }
    }

    /// <summary>Runs the route with its response held in memory, then clears the real response for the fault.</summary>
    private static async Task<CapturedResponse> CaptureAsync(HttpContext context, Func<Task> handle)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await handle().ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        var headers = new List<KeyValuePair<string, StringValues>>();
        foreach (var header in response.Headers)
        {
            headers.Add(header);
        }

        var captured = new CapturedResponse(response.StatusCode, response.ContentType, headers, buffer.ToArray());
        response.Clear();
        return captured;
    }

    private static async Task DropAsync(HttpContext context, Fault fault, CapturedResponse? captured)
    {
        var response = context.Response;
        var (status, contentType, body) = Resolve(fault, captured);
        KeepHeaders(response, captured);
        AddRetryAfter(response, fault);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!fault.DropAfterHeaders)
        {
            await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2)).ConfigureAwait(false);
        }

        await response.StartAsync().ConfigureAwait(false);
        await response.Body.FlushAsync().ConfigureAwait(false);

        // A flush hands the bytes to the transport, not yet to the socket; aborting at once could discard them,
        // and the client would see a refused connection instead of a response that stops half way.
        await Task.Delay(DropGraceMilliseconds).ConfigureAwait(false);
        context.Abort();
    }

    private static Task TruncateAsync(HttpResponse response, Fault fault, CapturedResponse? captured)
    {
        var (status, contentType, body) = Resolve(fault, captured);
        int length = Math.Min(fault.Bytes ?? (body.Length / 2), body.Length - 1);
        KeepHeaders(response, captured);
        return WriteAsync(response, fault, status, contentType, body.AsSpan(0, length).ToArray());
    }

    /// <summary>The route's own answer when there is one to cut, else the fault's status and body (or a placeholder).</summary>
    private static (int Status, string ContentType, byte[] Body) Resolve(Fault fault, CapturedResponse? captured)
    {
        int status = fault.Status ?? captured?.Status ?? StatusCodes.Status200OK;
        byte[] body = fault.Body is not null
            ? Encoding.UTF8.GetBytes(fault.Body)
            : captured is { Body.Length: > 1 } ? captured.Body : Encoding.UTF8.GetBytes(Placeholder);
        if (body.Length < 2)
        {
            body = Encoding.UTF8.GetBytes(Placeholder);
        }

        // A 204 or 304 cannot carry a body, and cutting a body short is the point of these faults.
        if (status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified or < 200)
        {
            status = StatusCodes.Status200OK;
        }

        string contentType = fault.ContentType ?? (fault.Body is null ? captured?.ContentType : null) ?? JsonResponse.ContentType;
        return (status, contentType, body);
    }

    private static async Task WriteAsync(HttpResponse response, Fault fault, int status, string contentType, byte[] body)
    {
        AddRetryAfter(response, fault);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private static void AddRetryAfter(HttpResponse response, Fault fault)
    {
        if (fault.RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Location is { } location)
        {
            response.Headers.Location = location;
        }
    }

    /// <summary>Puts back what the route answered in headers, except what describes its (replaced) body.</summary>
    private static void KeepHeaders(HttpResponse response, CapturedResponse? captured)
    {
        if (captured is null)
        {
            return;
        }

        foreach (var header in captured.Headers)
        {
            if (!string.Equals(header.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(header.Key, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[header.Key] = header.Value;
            }
        }
    }

    /// <summary>A replaced answer still reports the request it counted against the rate limit.</summary>
    private static void KeepRateLimitHeaders(HttpResponse response, CapturedResponse? captured)
    {
        if (captured is null)
        {
            return;
        }

        foreach (var header in captured.Headers)
        {
            if (header.Key.StartsWith("X-Librato-RateLimit", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[header.Key] = header.Value;
            }
        }
    }

    private static string DefaultErrorBody(int status) =>
        status == StatusCodes.Status503ServiceUnavailable
            ? "{\"errors\":{\"system\":[\"The API is currently down for maintenance. It'll be back shortly.\"]}}"
            : "{\"errors\":{\"system\":[\"The emulator answered " + status.ToString(CultureInfo.InvariantCulture) + " because a fault was injected.\"]}}";

    private static string HtmlPage(int status)
    {
        string title = status.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrases.GetReasonPhrase(status);
        return $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n";
    }
}
