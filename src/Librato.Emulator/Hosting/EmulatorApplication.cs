using System;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Control;
using Librato.Emulator.Http;
using Librato.Emulator.Metadata;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Librato.Emulator.Sources;
using Librato.Emulator.Submission;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Librato.Emulator.Hosting;

/// <summary>Builds the Kestrel application: quiet logging, the /v1 pipeline and every route.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(EmulatorOptions options, EmulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options.UsesTls)
        {
            // Every URL is served over TLS, whichever scheme it was given with.
            var (certificate, _) = TlsCertificates.For(options);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.UseUrls(ListenUrls.WithScheme(options.Urls, "https"));
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            });
        }
        else
        {
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        }

        // Scripts look for the single "listening on" line on stdout, so logs go to stderr and only when they matter.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start (port in use) already reaches the caller as an exception; the host's own stack trace adds nothing.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var pipeline = new ApiPipeline(state, app.Logger, app.Lifetime.ApplicationStopping);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v1"),
            branch => branch.Use((context, next) => pipeline.InvokeAsync(context, next)));
        MapRoutes(app, options, state);
        return app;
    }

    private static void MapRoutes(WebApplication app, EmulatorOptions options, EmulatorState state)
    {
        // AppOptics has no legacy submission and no sources: those routes answer as any unknown route does.
        app.MapPost("/v1/metrics", options.AppOptics ? RouteNotFoundAsync : new RequestDelegate(new LegacySubmitEndpoint(options).HandleAsync));
        app.MapGet("/v1/metrics", new RequestDelegate(new MetricListEndpoint().HandleAsync));
        app.MapGet("/v1/metrics/{name}", new RequestDelegate(new MetricShowEndpoint().HandleAsync));
        app.MapPut("/v1/metrics/{name}", new RequestDelegate(new MetricPutEndpoint().HandleAsync));
        app.MapDelete("/v1/metrics/{name}", new RequestDelegate(new MetricDeleteEndpoint().HandleAsync));
        app.MapPut("/v1/metrics", new RequestDelegate(new MetricBatchUpdateEndpoint().HandleAsync));
        app.MapDelete("/v1/metrics", new RequestDelegate(new MetricBatchDeleteEndpoint().HandleAsync));
        if (!options.AppOptics)
        {
            app.MapGet("/v1/sources", new RequestDelegate(new SourceListEndpoint().HandleAsync));
            app.MapGet("/v1/sources/{name}", new RequestDelegate(new SourceShowEndpoint().HandleAsync));
            app.MapPut("/v1/sources/{name}", new RequestDelegate(new SourcePutEndpoint().HandleAsync));
        }
        app.MapPost("/v1/measurements", new RequestDelegate(new TaggedSubmitEndpoint(options).HandleAsync));
        app.MapGet("/v1/measurements/{name}", new RequestDelegate(new TaggedReadEndpoint().HandleAsync));
        app.MapGet("/v1/measurements", new RequestDelegate(new TaggedComposeEndpoint().HandleAsync));
        ResourceRoutes.Map(app, state);
        app.MapFallback("/v1/{**path}", RouteNotFoundAsync);

        var control = new ControlEndpoints(state);
        app.MapPost("/_emulator/reset", new RequestDelegate(control.ResetAsync));
        app.MapGet("/_emulator/stats", new RequestDelegate(control.StatsAsync));
        app.MapGet("/_emulator/requests", new RequestDelegate(control.RequestsAsync));
        app.MapDelete("/_emulator/requests", new RequestDelegate(control.ClearRequestsAsync));

        var faults = new FaultEndpoints(state);
        app.MapPost("/_emulator/faults", new RequestDelegate(faults.AddAsync));
        app.MapGet("/_emulator/faults", new RequestDelegate(faults.ListAsync));
        app.MapDelete("/_emulator/faults", new RequestDelegate(faults.ClearAsync));
        app.MapDelete("/_emulator/faults/{id}", new RequestDelegate(faults.RemoveAsync));

        var rateLimit = new RateLimitEndpoints(state);
        app.MapGet("/_emulator/rate-limit", new RequestDelegate(rateLimit.ShowAsync));
        app.MapPut("/_emulator/rate-limit", new RequestDelegate(rateLimit.UpdateAsync));
    }

    private static Task RouteNotFoundAsync(HttpContext context) =>
        JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.RouteNotFound);
}
