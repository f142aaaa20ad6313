using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Reading;

/// <summary>The metric that the <c>:name</c> segment of a metric route names, in the calling account.</summary>
internal static class MetricRoute
{
    public static string Name(HttpContext context) => (string)context.Request.RouteValues["name"]!;

    /// <summary>The named metric, or null when the account has none of that name (answer with <see cref="NotFoundAsync"/>).</summary>
    public static Metric? Find(HttpContext context, out AccountStore account, out string name)
    {
        account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        name = Name(context);
        return account.Find(name);
    }

    public static Task NotFoundAsync(HttpContext context) =>
        JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.MetricNotFound);
}
