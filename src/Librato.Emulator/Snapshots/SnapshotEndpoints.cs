using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Snapshots;

/// <summary>
/// <c>POST /v1/snapshots</c> and <c>GET /v1/snapshots/:id</c>. The emulator renders no images: a snapshot's job
/// is complete at once and <c>image_href</c> stays null.
/// </summary>
internal sealed class SnapshotEndpoints
{
    public const long DefaultDuration = 3600;
    public const long MaxDuration = 2419200;

    /// <summary>
    /// <c>POST /v1/snapshots</c> with <c>subject</c> (<c>{"chart":{"id",…}}</c>, naming an existing chart),
    /// <c>duration</c> (default 3600, at most 2419200) and <c>end_time</c> (epoch seconds or ISO 8601, default
    /// now): 202 with <c>Location: /v1/snapshots/:id</c> and the snapshot.
    /// </summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        var subject = fields.Raw("subject");
        long? chartId = ChartId(subject);
        if (subject.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            fields.Fail("subject", ErrorMessages.NotPresent);
        }
        else if (chartId is null)
        {
            fields.Fail("subject", "must name a chart: {\"chart\":{\"id\":…}}");
        }

        long duration = fields.Integer("duration").Value ?? DefaultDuration;
        if (duration < 1 || duration > MaxDuration)
        {
            fields.Fail("duration", $"must be between 1 and {MaxDuration}");
        }

        long now = Clock.NowSeconds();
        long endTime = ReadEndTime(fields) ?? now;
        var resources = Respond.Resources(context);
        Snapshot snapshot;
        lock (resources.Gate)
        {
            if (chartId is { } id && resources.Spaces.FindChart(id) is null)
            {
                errors.Add("subject", $"chart {id} {ResourceMessages.DoesNotExist}");
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            var job = resources.Jobs.AddCompleted(resources.Ids.Next());
            snapshot = new Snapshot(resources.Ids.Next(), job.Id, duration, endTime, now, now, subject.Clone());
            resources.Snapshots.Put(snapshot);
        }

        return Respond.Accepted(context, "/v1/snapshots/" + snapshot.Id, writer => Write(writer, context, snapshot));
    }

    /// <summary><c>GET /v1/snapshots/:id</c></summary>
    public Task ShowAsync(HttpContext context) =>
        ResourceById.ShowAsync(context, ResourceMessages.SnapshotNotFound, static (resources, id) => resources.Snapshots.Find(id), (writer, snapshot) => Write(writer, context, snapshot));

    private static void Write(Utf8JsonWriter writer, HttpContext context, Snapshot snapshot)
    {
        writer.WriteStartObject();
        writer.WriteString("href", Hrefs.Absolute(context, "/v1/snapshots/" + snapshot.Id));
        writer.WriteString("job_href", Hrefs.Absolute(context, "/v1/jobs/" + snapshot.JobId));
        writer.WriteNull("image_href");
        writer.WriteNumber("duration", snapshot.Duration);
        writer.WriteString("end_time", ResourceTimes.Iso(snapshot.EndTime));
        writer.WriteString("created_at", ResourceTimes.Iso(snapshot.CreatedAt));
        writer.WriteString("updated_at", ResourceTimes.Iso(snapshot.UpdatedAt));
        writer.WritePropertyName("subject");
        snapshot.Subject.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>The id of <c>subject.chart</c>, given as a number or numeric text; null when there is none.</summary>
    private static long? ChartId(JsonElement subject)
    {
        if (subject.ValueKind != JsonValueKind.Object || !subject.TryGetProperty("chart", out var chart) ||
            chart.ValueKind != JsonValueKind.Object || !chart.TryGetProperty("id", out var id))
        {
            return null;
        }

        return JsonNumbers.ReadInteger(id, out long value) == NumberStatus.Ok && value > 0 ? value : null;
    }

    /// <summary><c>end_time</c> as epoch seconds or as ISO 8601 text, the form snapshots show it in.</summary>
    private static long? ReadEndTime(FieldReader fields)
    {
        var raw = fields.Raw("end_time");
        if (raw.ValueKind == JsonValueKind.String && ResourceTimes.TryParseIso(raw.GetString()!, out long iso) &&
            JsonNumbers.ReadInteger(raw, out _) != NumberStatus.Ok)
        {
            return iso;
        }

        return fields.Integer("end_time").Value;
    }
}
