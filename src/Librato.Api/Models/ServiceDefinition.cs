using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>The fields of a service to create or update; what is left null is not sent.</summary>
    public sealed class ServiceDefinition
    {
        public string? Title { get; set; }

        public string? Type { get; set; }

        public IDictionary<string, object?>? Settings { get; set; }

        /// <summary>Every field of <paramref name="service"/>, to change some and send the whole service back.</summary>
        public static ServiceDefinition From(LibratoService service) => new ServiceDefinition
        {
            Title = service.Title,
            Type = service.Type,
            Settings = new Dictionary<string, object?>(service.Settings, StringComparer.OrdinalIgnoreCase),
        };

        internal void WriteProperties(Utf8JsonWriter w)
        {
            if (Title != null)
            {
                w.WriteString("title", Title);
            }

            if (Type != null)
            {
                w.WriteString("type", Type);
            }

            if (Settings != null)
            {
                w.WritePropertyName("settings");
                JsonWriting.WriteValue(w, Settings);
            }
        }
    }
}
