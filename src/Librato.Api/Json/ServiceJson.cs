using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads service objects and service list pages. Ids may be numbers or numeric text.</summary>
    internal static class ServiceJson
    {
        public static LibratoService ReadService(JsonElement e)
        {
            var service = new LibratoService
            {
                Id = JsonValues.Long(e, "id") ?? 0,
                Title = JsonValues.String(e, "title") ?? string.Empty,
                Type = JsonValues.String(e, "type") ?? string.Empty,
            };
            if (e.TryGetProperty("settings", out var settings))
            {
                service.Settings = JsonValues.ToDictionary(settings);
            }

            return service;
        }

        public static LibratoService ReadService(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                RequireObject(doc.RootElement, "a service");
                return ReadService(doc.RootElement);
            }
        }

        public static Page<LibratoService> ReadServicePage(byte[] body) =>
            PageJson.ReadObjects(body, "services", "a page of services", ReadService);

        internal static void RequireObject(JsonElement root, string what)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedBodyException($"expected {what} (a JSON object) but the response is a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            }
        }
    }
}
