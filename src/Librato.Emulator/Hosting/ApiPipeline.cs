using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Librato.Emulator.Hosting;

/// <summary>
/// Runs before every /v1 route: reads and decompresses the body, authenticates, turns failures into API error
/// bodies and records the exchange in the request log.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly EmulatorState state;
    private readonly ILogger logger;

    public ApiPipeline(EmulatorState state, ILogger logger)
    {
        this.state = state;
        this.logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        long started = Clock.NowMilliseconds();
        var body = await RequestBodyReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        AccountStore? account = null;
        try
        {
            var outcome = BasicAuthenticator.Authenticate(context.Request, state, out account);
            if (outcome != AuthOutcome.Authenticated)
            {
                context.Response.Headers.WWWAuthenticate = BasicAuthenticator.Challenge;
                await JsonResponse.RequestErrorAsync(context, StatusCodes.Status401Unauthorized,
                    outcome == AuthOutcome.MissingCredentials ? ErrorMessages.MissingCredentials : ErrorMessages.BadCredentials)
                    .ConfigureAwait(false);
            }
            else if (body.Error is not null)
            {
                await JsonResponse.RequestErrorAsync(context, body.ErrorStatus, body.Error).ConfigureAwait(false);
            }
            else
            {
                context.Features.Set(new ApiRequest(account!, body.Content!.Value));
                await next(context).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            logger.LogError(exception, "Unhandled error in {Method} {Path}", context.Request.Method, context.Request.Path);
            await JsonResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("errors");
                writer.WriteStartArray("system");
                writer.WriteStringValue("Internal error in the emulator: " + exception.Message);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
        }
        finally
        {
            if (state.RequestLog.Enabled)
            {
                state.RequestLog.Add(Describe(context, started, body, account));
            }

            body.Release();
        }
    }

    private static RecordedRequest Describe(HttpContext context, long started, RequestBody body, AccountStore? account)
    {
        var request = context.Request;
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            // Credentials never reach the log, not even masked: logs get pasted into bug reports.
            if (string.Equals(header.Key, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            headers[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        string query = request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : string.Empty;
        string text = Encoding.UTF8.GetString((body.Content ?? body.Raw).Span);
        return new RecordedRequest(started, request.Method, request.Path.Value ?? string.Empty, query,
            context.Response.StatusCode, headers, text, account?.Email);
    }
}
