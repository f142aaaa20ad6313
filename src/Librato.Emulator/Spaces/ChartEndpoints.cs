using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Spaces;

/// <summary><c>/v1/spaces/:id/charts</c> and <c>/v1/spaces/:id/charts/:chart_id</c>.</summary>
internal sealed class ChartEndpoints
{
    /// <summary><c>GET /v1/spaces/:id/charts</c>: a bare JSON array of the space's charts, not a paginated envelope.</summary>
    public Task ListAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        List<Chart>? charts = null;
        if (RouteIds.TryGet(context, "id", out long spaceId))
        {
            lock (resources.Gate)
            {
                charts = resources.Spaces.Find(spaceId) is null ? null : resources.Spaces.ChartsOf(spaceId);
            }
        }

        if (charts is null)
        {
            return Respond.NotFound(context, ResourceMessages.SpaceNotFound);
        }

        var types = MetricTypes(context);
        return Respond.Ok(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var chart in charts)
            {
                ChartJson.Write(writer, chart, types);
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>
    /// <c>POST /v1/spaces/:id/charts</c>: 201 with the chart. The Location is the space's, as the API documents
    /// (<c>Location: /v1/spaces/123</c>); the chart's own id is in the body.
    /// </summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long spaceId))
        {
            return Respond.NotFound(context, ResourceMessages.SpaceNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = ChartBody.Read(root, errors, create: true);
        var resources = Respond.Resources(context);
        Chart chart;
        lock (resources.Gate)
        {
            if (resources.Spaces.Find(spaceId) is null)
            {
                return Respond.NotFound(context, ResourceMessages.SpaceNotFound);
            }

            CheckRelatedSpace(resources, body, errors);
            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            chart = new Chart(
                resources.Ids.Next(),
                spaceId,
                body.Name.Value,
                body.Type.Value,
                AssignIds(resources, body.Streams.Value, Array.Empty<ChartStream>()),
                body.Min.Value,
                body.Max.Value,
                body.Label.Value,
                body.RelatedSpace.Value,
                body.Thresholds.Value,
                body.UseLogYAxis.Value,
                body.UseLastValue.Value);
            resources.Spaces.PutChart(chart);
        }

        var types = MetricTypes(context);
        return Respond.Created(context, "/v1/spaces/" + spaceId, writer => ChartJson.Write(writer, chart, types));
    }

    /// <summary><c>GET /v1/spaces/:id/charts/:chart_id</c></summary>
    public Task ShowAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        Chart? chart;
        string missing;
        lock (resources.Gate)
        {
            chart = Find(resources, context, out missing);
        }

        if (chart is null)
        {
            return Respond.NotFound(context, missing);
        }

        var types = MetricTypes(context);
        return Respond.Ok(context, writer => ChartJson.Write(writer, chart, types));
    }

    /// <summary>
    /// <c>PUT /v1/spaces/:id/charts/:chart_id</c>: 200 with the updated chart (as the current API documents). The
    /// fields sent change; <c>streams</c>, when sent, replace all the chart's streams (a stream that sends back
    /// the id of one of them keeps that id).
    /// </summary>
    public Task UpdateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = ChartBody.Read(root, errors, create: false);
        var resources = Respond.Resources(context);
        Chart updated;
        lock (resources.Gate)
        {
            var chart = Find(resources, context, out string missing);
            if (chart is null)
            {
                return Respond.NotFound(context, missing);
            }

            CheckRelatedSpace(resources, body, errors);
            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            updated = chart with
            {
                Name = body.Name.HasValue ? body.Name.Value : chart.Name,
                Type = body.Type.HasValue ? body.Type.Value : chart.Type,
                Streams = body.Streams.HasValue ? AssignIds(resources, body.Streams.Value, chart.Streams) : chart.Streams,
                Min = body.Min.HasValue ? body.Min.Value : chart.Min,
                Max = body.Max.HasValue ? body.Max.Value : chart.Max,
                Label = body.Label.HasValue ? body.Label.Value : chart.Label,
                RelatedSpace = body.RelatedSpace.HasValue ? body.RelatedSpace.Value : chart.RelatedSpace,
                Thresholds = body.Thresholds.HasValue ? body.Thresholds.Value : chart.Thresholds,
                UseLogYAxis = body.UseLogYAxis.HasValue ? body.UseLogYAxis.Value : chart.UseLogYAxis,
                UseLastValue = body.UseLastValue.HasValue ? body.UseLastValue.Value : chart.UseLastValue,
            };
            resources.Spaces.PutChart(updated);
        }

        var types = MetricTypes(context);
        return Respond.Ok(context, writer => ChartJson.Write(writer, updated, types));
    }

    /// <summary><c>DELETE /v1/spaces/:id/charts/:chart_id</c>: 204.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        string missing;
        lock (resources.Gate)
        {
            var chart = Find(resources, context, out missing);
            if (chart is not null)
            {
                resources.Spaces.RemoveChart(chart.Id);
                return Respond.NoContent(context);
            }
        }

        return Respond.NotFound(context, missing);
    }

    /// <summary>The chart named by the route within its space, or null with the 404 message. Call while holding the gate.</summary>
    private static Chart? Find(AccountResources resources, HttpContext context, out string missing)
    {
        missing = ResourceMessages.SpaceNotFound;
        if (!RouteIds.TryGet(context, "id", out long spaceId) || resources.Spaces.Find(spaceId) is null)
        {
            return null;
        }

        missing = ResourceMessages.ChartNotFound;
        return RouteIds.TryGet(context, "chart_id", out long chartId) && resources.Spaces.FindChart(chartId) is { } chart &&
               chart.SpaceId == spaceId
            ? chart
            : null;
    }

    private static void CheckRelatedSpace(AccountResources resources, ChartBody body, ParamErrors errors)
    {
        if (body.RelatedSpace.Value is { } related && resources.Spaces.Find(related) is null)
        {
            errors.Add("related_space", ResourceMessages.DoesNotExist);
        }
    }

    private static List<ChartStream> AssignIds(AccountResources resources, List<ChartStream> streams, IReadOnlyList<ChartStream> current) =>
        resources.Ids.AssignKeeping(streams, current, static s => s.Id, static (s, id) => s with { Id = id });

    /// <summary>Looks up the API type of a stream's metric in the caller's account: gauge when it does not exist.</summary>
    private static Func<string, string> MetricTypes(HttpContext context)
    {
        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        return name => account.Find(name)?.Type.ToApiName() ?? "gauge";
    }
}
