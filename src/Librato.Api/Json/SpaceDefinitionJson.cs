using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// The space definition document:
    /// <c>{"format":"librato.space","version":1,"name","tags"?,"charts":[{chart fields, "related_space":"&lt;space name&gt;"}]}</c>.
    /// Charts and streams carry no ids; everything else is written when set, in a stable order. Quotes and angle
    /// brackets are written as they are, since the file is for people and for diffs, never embedded in HTML.
    /// </summary>
    internal static class SpaceDefinitionJson
    {
        private static readonly string[] DocumentFields = { "format", "version", "name", "tags", "charts" };

        public static string Write(SpaceDefinition definition)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("format", SpaceDefinition.FormatName);
                    w.WriteNumber("version", SpaceDefinition.CurrentVersion);
                    w.WriteString("name", definition.Name);
                    if (definition.Tags.HasValue)
                    {
                        w.WriteBoolean("tags", definition.Tags.Value);
                    }

                    w.WriteStartArray("charts");
                    foreach (var chart in definition.Charts)
                    {
                        w.WriteStartObject();
                        ChartJson.WriteFields(w, chart.Chart, withStreamIds: false, w2 => ChartJson.WriteOptional(w2, "related_space", chart.RelatedSpaceName));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
            }
        }

        /// <summary>
        /// A JSON error as an editor shows a place: <c>line 3, column 5: '}' is invalid without a matching open.</c>,
        /// counting from 1, rather than System.Text.Json's <c>LineNumber: 2 | BytePositionInLine: 4.</c> counting from 0.
        /// </summary>
        internal static string JsonErrorText(JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message.Substring(0, cut);
            }

            return ex.LineNumber.HasValue
                ? $"line {ex.LineNumber.Value + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {message}"
                : message;
        }

        public static SpaceDefinition Read(string json)
        {
            if (json == null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new FormatException("The space definition is not valid JSON: " + JsonErrorText(ex), ex);
            }

            using (doc)
            {
                var f = new JsonFields(doc.RootElement, string.Empty, strict: true);
                f.OnlyKnown(DocumentFields);
                var format = f.String("format");
                if (format != SpaceDefinition.FormatName)
                {
                    throw new FormatException($"The document is not a space definition: its 'format' must be \"{SpaceDefinition.FormatName}\".");
                }

                var version = f.Int("version") ?? 0;
                if (version < 1 || version > SpaceDefinition.CurrentVersion)
                {
                    throw new FormatException(
                        $"The space definition has version {version}; this version of the module reads versions 1 to {SpaceDefinition.CurrentVersion}.");
                }

                var definition = new SpaceDefinition { Name = f.Required("name"), Tags = f.Bool("tags") };
                var charts = f.Array("charts");
                if (charts.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var c in charts.EnumerateArray())
                    {
                        var cf = new JsonFields(c, "charts[" + i++ + "]", strict: true);
                        var chart = ChartJson.Read(cf, 0, readRelatedSpace: false, strict: true);
                        if (chart.Id != 0)
                        {
                            // Ids belong to one account; a definition moves between accounts.
                            chart.Id = 0;
                        }

                        foreach (var s in chart.Streams)
                        {
                            s.Id = 0;
                            s.Type = null;
                        }

                        definition.Charts.Add(new ChartDefinition(chart, cf.String("related_space")));
                    }
                }

                return definition;
            }
        }
    }
}
