using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Librato.Emulator.Faults;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Limits;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Librato.Emulator.Hosting;

/// <summary>
/// Runs before every /v1 route: reads and decompresses the body, authenticates, applies injected faults, the
/// rate limit and the token's role, turns form bodies into JSON and failures into API error bodies, and records
/// the exchange in the request log.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly EmulatorState state;
    private readonly ILogger logger;
    private readonly CancellationToken stopping;

    public ApiPipeline(EmulatorState state, ILogger logger, CancellationToken stopping)
    {
        this.state = state;
        this.logger = logger;
        this.stopping = stopping;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        long started = Clock.NowMilliseconds();
        var body = await RequestBodyReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var outcome = BasicAuthenticator.Authenticate(context.Request, state, out var account, out var token);
        var request = context.Request;
        var fault = state.Faults.TryTake(request.Method, request.Path, outcome == AuthOutcome.Authenticated ? account!.Email : null);
        bool answered = true;
        bool recorded = false;
        void Record()
        {
            if (!recorded && state.RequestLog.Enabled)
            {
                recorded = true;
                state.RequestLog.Add(Describe(context, started, body, outcome == AuthOutcome.Authenticated ? account : null, answered, fault));
            }
        }

        if (state.RequestLog.Enabled)
        {
            // A response that starts inside the handler can reach the client before the finally block below runs;
            // a client reading the log right after its answer must find the request there. (A request answered with
            // nothing at all, as some faults do, is recorded by the finally block.)
            context.Response.OnStarting(() =>
            {
                Record();
                return Task.CompletedTask;
            });
        }

        try
        {
            if (fault is null)
            {
                await HandleAsync(context, next, body, outcome, account, token).ConfigureAwait(false);
            }
            else
            {
                answered = await FaultResponder.RespondAsync(
                    context, fault, () => HandleAsync(context, next, body, outcome, account, token), stopping).ConfigureAwait(false);
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
            // Any authenticated write may have changed what the data file holds; reads never do.
            if (outcome == AuthOutcome.Authenticated && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                state.MarkChanged();
            }

            Record();
            body.Release();
        }
    }

    private static async Task HandleAsync(
        HttpContext context, RequestDelegate next, RequestBody body, AuthOutcome outcome, AccountStore? account, ApiTokenEntry? token)
    {
        var request = context.Request;
        if (outcome != AuthOutcome.Authenticated)
        {
            context.Response.Headers.WWWAuthenticate = BasicAuthenticator.Challenge;
            string message = outcome switch
            {
                AuthOutcome.MissingCredentials => ErrorMessages.MissingCredentials,
                AuthOutcome.InactiveToken => ErrorMessages.InactiveToken,
                _ => ErrorMessages.BadCredentials,
            };
            await JsonResponse.RequestErrorAsync(context, StatusCodes.Status401Unauthorized, message).ConfigureAwait(false);
            return;
        }

        var bucket = RateBuckets.For(request.Method, request.Path);
        var limiter = account!.RateLimiter;
        bool allowed = limiter.TryConsume(bucket, Clock.NowMilliseconds(), out var agg, out var std, out long retryAfter);
        RateLimitResponse.AddHeaders(context.Response, agg, std);
        if (!allowed)
        {
            await RateLimitResponse.WriteRefusalAsync(context, limiter.Settings.Status, bucket, retryAfter).ConfigureAwait(false);
            return;
        }

        if (!RolePolicy.IsPermitted(token!.Role, request.Method, request.Path))
        {
            await JsonResponse.RequestErrorAsync(context, StatusCodes.Status403Forbidden, ErrorMessages.TokenNotPermitted).ConfigureAwait(false);
            return;
        }

        if (body.Error is not null)
        {
            await JsonResponse.RequestErrorAsync(context, body.ErrorStatus, body.Error).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> content = body.Content!.Value;
        if (content.Length > 0 && ContentTypes.IsForm(request.ContentType))
        {
            if (!FormBody.TryConvert(content.Span, out var json, out string? error))
            {
                await JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
                return;
            }

            content = json;
        }

        context.Features.Set(new ApiRequest(account, content) { Token = token });
        await next(context).ConfigureAwait(false);
    }

    private static RecordedRequest Describe(HttpContext context, long started, RequestBody body, AccountStore? account, bool answered, Fault? fault)
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
            answered ? context.Response.StatusCode : 0, headers, text, account?.Email)
        {
            Fault = fault?.Kind.ToName(),
        };
    }
}
