using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads the answer to a tagged submission: <c>{"measurements":{"summary":{...}},"errors":[...]}</c>.
    /// An empty or unexpected 2xx body means everything was accepted.
    /// </summary>
    internal static class SubmitResultJson
    {
        public static SubmitResult Read(byte[] body, int batchSize)
        {
            if (body.Length == 0)
            {
                return SubmitResult.AllAccepted(batchSize);
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // The status said success; a body we cannot read does not undo that.
                return SubmitResult.AllAccepted(batchSize);
            }

            using (doc)
            {
                var rejected = new List<RejectedMeasurement>();
                if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                    doc.RootElement.TryGetProperty("errors", out var errors) &&
                    errors.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in errors.EnumerateArray())
                    {
                        if (e.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        var index = JsonValues.Int(e, "index");
                        if (index.HasValue && index.Value >= 0 && index.Value < batchSize)
                        {
                            var param = JsonValues.String(e, "param");
                            var reason = JsonValues.String(e, "reason") ?? "rejected";
                            rejected.Add(new RejectedMeasurement(index.Value, param == null ? reason : param + ": " + reason));
                        }
                    }
                }

                return new SubmitResult(batchSize - rejected.Count, rejected);
            }
        }
    }
}
