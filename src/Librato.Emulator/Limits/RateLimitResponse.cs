using System.Globalization;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Limits;

/// <summary>The headers every authenticated /v1 response carries, and the answer to a request over the limit.</summary>
internal static class RateLimitResponse
{
    public const string AggHeader = "X-Librato-RateLimit-Agg";
    public const string StdHeader = "X-Librato-RateLimit-Std";

    public static void AddHeaders(HttpResponse response, RateView agg, RateView std)
    {
        response.Headers[AggHeader] = agg.ToHeader();
        response.Headers[StdHeader] = std.ToHeader();
    }

    /// <summary>
    /// 429 with <c>{"errors":{"request":[…]}}</c> and Retry-After, or 403 with the body Librato once sent
    /// (<c>{"request_time":…,"error":"You have hit the API limit…"}</c>), which has no Retry-After.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext context, int status, RateBucket bucket, long retryAfterSeconds)
    {
        string message = bucket == RateBucket.Agg ? ErrorMessages.MeasurementLimit : ErrorMessages.RequestLimit;
        if (status == StatusCodes.Status403Forbidden)
        {
            return JsonResponse.WriteAsync(context, status, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("request_time", Clock.NowSeconds());
                writer.WriteString("error", message);
                writer.WriteEndObject();
            });
        }

        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return JsonResponse.RequestErrorAsync(context, status, message);
    }
}
