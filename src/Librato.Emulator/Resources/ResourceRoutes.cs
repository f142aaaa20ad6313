using Librato.Emulator.Alerts;
using Librato.Emulator.Annotations;
using Librato.Emulator.Jobs;
using Librato.Emulator.Services;
using Librato.Emulator.Snapshots;
using Librato.Emulator.Spaces;
using Librato.Emulator.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Librato.Emulator.Resources;

/// <summary>The routes of the non-metric resources: annotations, spaces and charts, services, alerts, jobs, snapshots and API tokens.</summary>
internal static class ResourceRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var streams = new AnnotationStreamEndpoints();
        var events = new AnnotationEventEndpoints();
        var links = new AnnotationLinkEndpoints();
        app.MapGet("/v1/annotations", new RequestDelegate(streams.ListAsync));
        app.MapGet("/v1/annotations/{name}", new RequestDelegate(streams.ShowAsync));
        app.MapPut("/v1/annotations/{name}", new RequestDelegate(streams.UpdateAsync));
        app.MapDelete("/v1/annotations/{name}", new RequestDelegate(streams.DeleteAsync));
        app.MapPost("/v1/annotations/{name}", new RequestDelegate(events.CreateAsync));
        app.MapGet("/v1/annotations/{name}/{id}", new RequestDelegate(events.ShowAsync));
        app.MapPut("/v1/annotations/{name}/{id}", new RequestDelegate(events.UpdateAsync));
        app.MapDelete("/v1/annotations/{name}/{id}", new RequestDelegate(events.DeleteAsync));
        app.MapPost("/v1/annotations/{name}/{id}/links", new RequestDelegate(links.CreateAsync));
        app.MapDelete("/v1/annotations/{name}/{id}/links/{rel}", new RequestDelegate(links.DeleteAsync));

        var spaces = new SpaceEndpoints();
        var charts = new ChartEndpoints();
        app.MapGet("/v1/spaces", new RequestDelegate(spaces.ListAsync));
        app.MapPost("/v1/spaces", new RequestDelegate(spaces.CreateAsync));
        app.MapGet("/v1/spaces/{id}", new RequestDelegate(spaces.ShowAsync));
        app.MapPut("/v1/spaces/{id}", new RequestDelegate(spaces.UpdateAsync));
        app.MapDelete("/v1/spaces/{id}", new RequestDelegate(spaces.DeleteAsync));
        app.MapGet("/v1/spaces/{id}/charts", new RequestDelegate(charts.ListAsync));
        app.MapPost("/v1/spaces/{id}/charts", new RequestDelegate(charts.CreateAsync));
        app.MapGet("/v1/spaces/{id}/charts/{chart_id}", new RequestDelegate(charts.ShowAsync));
        app.MapPut("/v1/spaces/{id}/charts/{chart_id}", new RequestDelegate(charts.UpdateAsync));
        app.MapDelete("/v1/spaces/{id}/charts/{chart_id}", new RequestDelegate(charts.DeleteAsync));

        var services = new ServiceEndpoints();
        app.MapGet("/v1/services", new RequestDelegate(services.ListAsync));
        app.MapPost("/v1/services", new RequestDelegate(services.CreateAsync));
        app.MapGet("/v1/services/{id}", new RequestDelegate(services.ShowAsync));
        app.MapPut("/v1/services/{id}", new RequestDelegate(services.UpdateAsync));
        app.MapDelete("/v1/services/{id}", new RequestDelegate(services.DeleteAsync));

        var alerts = new AlertEndpoints();
        var status = new AlertStatusEndpoints();
        var alertServices = new AlertServiceEndpoints();
        app.MapGet("/v1/alerts", new RequestDelegate(alerts.ListAsync));
        app.MapPost("/v1/alerts", new RequestDelegate(alerts.CreateAsync));
        app.MapGet("/v1/alerts/status", new RequestDelegate(status.ListAsync));
        app.MapGet("/v1/alerts/{id}", new RequestDelegate(alerts.ShowAsync));
        app.MapPut("/v1/alerts/{id}", new RequestDelegate(alerts.UpdateAsync));
        app.MapDelete("/v1/alerts/{id}", new RequestDelegate(alerts.DeleteAsync));
        app.MapGet("/v1/alerts/{id}/status", new RequestDelegate(status.ShowAsync));
        app.MapPost("/v1/alerts/{id}/clear", new RequestDelegate(status.ClearAsync));
        app.MapPost("/v1/alerts/{id}/services", new RequestDelegate(alertServices.AttachAsync));
        app.MapDelete("/v1/alerts/{alert_id}/services/{id}", new RequestDelegate(alertServices.DetachAsync));
        app.MapPost("/_emulator/alerts/{id}/trigger", new RequestDelegate(new AlertTriggerEndpoint(state).HandleAsync));

        app.MapGet("/v1/jobs/{id}", new RequestDelegate(new JobEndpoints().ShowAsync));
        var snapshots = new SnapshotEndpoints();
        app.MapPost("/v1/snapshots", new RequestDelegate(snapshots.CreateAsync));
        app.MapGet("/v1/snapshots/{id}", new RequestDelegate(snapshots.ShowAsync));

        var tokens = new ApiTokenEndpoints();
        app.MapGet("/v1/api_tokens", new RequestDelegate(tokens.ListAsync));
        app.MapPost("/v1/api_tokens", new RequestDelegate(tokens.CreateAsync));
        app.MapGet("/v1/api_tokens/{id}", new RequestDelegate(tokens.ShowAsync));
        app.MapPut("/v1/api_tokens/{id}", new RequestDelegate(tokens.UpdateAsync));
        app.MapDelete("/v1/api_tokens/{id}", new RequestDelegate(tokens.DeleteAsync));
    }
}
