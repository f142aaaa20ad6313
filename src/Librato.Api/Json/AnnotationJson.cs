using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads annotation streams, events and links, and writes the bodies that create and change them.</summary>
    internal static class AnnotationJson
    {
        /// <summary>The key of the <c>events</c> object that holds events without a source.</summary>
        public const string Unassigned = "unassigned";

        public static Page<LibratoAnnotationStream> ReadStreamPage(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                var items = new List<LibratoAnnotationStream>();
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("annotations", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in list.EnumerateArray())
                    {
                        items.Add(ReadStreamFields(e));
                    }
                }

                return PageJson.Read(root, items);
            }
        }

        /// <summary>
        /// Reads <c>GET /v1/annotations/:name</c>. Its <c>events</c> are an object keyed by source (<c>unassigned</c>
        /// for none), or that object inside a one-element array as some documentation shows; either way they come
        /// back as one list in start-time order.
        /// </summary>
        public static LibratoAnnotationStream ReadStream(byte[] body, string requestedName)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedBodyException("an annotation stream must be a JSON object");
                }

                var stream = ReadStreamFields(root);
                if (stream.Name.Length == 0)
                {
                    stream.Name = requestedName;
                }

                if (root.TryGetProperty("events", out var events))
                {
                    var bySource = new List<JsonElement>();
                    if (events.ValueKind == JsonValueKind.Object)
                    {
                        bySource.Add(events);
                    }
                    else if (events.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in events.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.Object)
                            {
                                bySource.Add(item);
                            }
                        }
                    }

                    var all = new List<LibratoAnnotation>();
                    foreach (var group in bySource)
                    {
                        foreach (var source in group.EnumerateObject())
                        {
                            if (source.Value.ValueKind != JsonValueKind.Array)
                            {
                                continue;
                            }

                            foreach (var e in source.Value.EnumerateArray())
                            {
                                var annotation = ReadEvent(e, stream.Name);
                                if (annotation.Source == null && source.Name != Unassigned)
                                {
                                    annotation.Source = source.Name;
                                }

                                all.Add(annotation);
                            }
                        }
                    }

                    all.Sort((a, b) => a.StartTime != b.StartTime ? a.StartTime.CompareTo(b.StartTime) : a.Id.CompareTo(b.Id));
                    stream.Events = all;
                }

                return stream;
            }
        }

        public static LibratoAnnotation ReadEvent(byte[] body, string stream)
        {
            using (var doc = MetricJson.Parse(body))
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedBodyException("an annotation event must be a JSON object");
                }

                return ReadEvent(doc.RootElement, stream);
            }
        }

        public static LibratoAnnotationLink ReadLink(byte[] body, LibratoAnnotationLink sent)
        {
            if (body.Length == 0)
            {
                return sent;
            }

            using (var doc = MetricJson.Parse(body))
            {
                return doc.RootElement.ValueKind == JsonValueKind.Object ? ReadLink(doc.RootElement) : sent;
            }
        }

        public static byte[] WriteNew(NewAnnotation annotation) => JsonWriting.Object(w =>
        {
            w.WriteString("title", annotation.Title);
            WriteOptional(w, "source", annotation.Source);
            WriteOptional(w, "description", annotation.Description);
            WriteOptional(w, "start_time", annotation.StartTime);
            WriteOptional(w, "end_time", annotation.EndTime);
            if (annotation.Links.Count > 0)
            {
                WriteLinks(w, annotation.Links);
            }
        });

        public static byte[] WriteUpdate(AnnotationUpdate update) => JsonWriting.Object(w =>
        {
            WriteOptional(w, "title", update.Title);
            WriteOptional(w, "description", update.Description);
            WriteOptional(w, "end_time", update.EndTime);
            if (update.Links != null)
            {
                WriteLinks(w, update.Links);
            }
        });

        public static byte[] WriteLink(LibratoAnnotationLink link) => JsonWriting.Object(w => WriteLinkFields(w, link));

        private static LibratoAnnotationStream ReadStreamFields(JsonElement e) => new LibratoAnnotationStream
        {
            Name = JsonValues.String(e, "name") ?? string.Empty,
            DisplayName = JsonValues.String(e, "display_name"),
        };

        private static LibratoAnnotation ReadEvent(JsonElement e, string stream)
        {
            var end = JsonValues.Long(e, "end_time");
            var annotation = new LibratoAnnotation
            {
                Stream = stream,
                Id = JsonValues.Long(e, "id") ?? 0,
                Title = JsonValues.String(e, "title") ?? string.Empty,
                Description = JsonValues.String(e, "description"),
                Source = JsonValues.String(e, "source"),
                StartTime = EpochTime.ToDateTime(JsonValues.Long(e, "start_time") ?? 0),
                EndTime = end.HasValue ? EpochTime.ToDateTime(end.Value) : (DateTime?)null,
            };
            if (e.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array)
            {
                foreach (var link in links.EnumerateArray())
                {
                    if (link.ValueKind == JsonValueKind.Object)
                    {
                        annotation.Links.Add(ReadLink(link));
                    }
                }
            }

            return annotation;
        }

        private static LibratoAnnotationLink ReadLink(JsonElement e) =>
            new LibratoAnnotationLink(JsonValues.String(e, "rel") ?? string.Empty, JsonValues.String(e, "href") ?? string.Empty, JsonValues.String(e, "label"));

        private static void WriteLinks(Utf8JsonWriter w, IList<LibratoAnnotationLink> links)
        {
            w.WriteStartArray("links");
            foreach (var link in links)
            {
                w.WriteStartObject();
                WriteLinkFields(w, link);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteLinkFields(Utf8JsonWriter w, LibratoAnnotationLink link)
        {
            w.WriteString("rel", link.Rel);
            w.WriteString("href", link.Href);
            WriteOptional(w, "label", link.Label);
        }

        private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
        }

        private static void WriteOptional(Utf8JsonWriter w, string name, long? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }
    }
}
