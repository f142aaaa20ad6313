namespace Librato.Api
{
    /// <summary>Reads <c>{"id":123456,"state":"working","progress":31.56}</c>.</summary>
    internal static class JobJson
    {
        public static JobStatus Read(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                var errors = root.TryGetProperty("errors", out var e) && e.ValueKind != System.Text.Json.JsonValueKind.Null ? e.GetRawText() : null;
                return new JobStatus
                {
                    Id = JsonValues.Long(root, "id") ?? 0,
                    State = JsonValues.String(root, "state") ?? "queued",
                    Progress = JsonValues.Double(root, "progress"),
                    Errors = errors,
                };
            }
        }
    }
}
