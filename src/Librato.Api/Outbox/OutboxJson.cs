using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// The outbox file format: JSON Lines. The first line names the format and version; then one line per measurement
    /// (every field, time included, so a later send is the same as the first), in the order they were handed over;
    /// and lines that acknowledge measurements (by their position among the measurement lines) once the API accepted
    /// them or they were refused and reported. Appending a line is all a write ever does, so a file is valid at any
    /// length; a process killed mid-write leaves at most an unfinished last line, which readers ignore.
    /// </summary>
    internal static class OutboxJson
    {
        public const int Version = 2;
        public const string FormatKey = "librato_outbox";

        // Stryker disable once all : validation only checks what these writers always write correctly (a speed-up).
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { SkipValidation = true };

        /// <summary>
        /// A writer of lines into the buffer, for one file to reuse for every line: a writer per line was an object per
        /// measurement, and with a million objects alive in the session every garbage collection is costly.
        /// </summary>
        public static Utf8JsonWriter CreateWriter(PooledBuffer buffer) => new Utf8JsonWriter(buffer, Options);

        public static void WriteHeader(Utf8JsonWriter w, PooledBuffer buffer, long created)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteNumber(FormatKey, Version);
            w.WriteNumber("created", created);
            w.WriteEndObject();
            EndLine(w, buffer);
        }

        public static void WriteMeasurement(Utf8JsonWriter w, PooledBuffer buffer, Measurement m)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            if (m.Type == MetricType.Counter)
            {
                w.WriteString("type", "counter");
            }

            WriteNumber(w, "value", m.Value);
            WriteNumber(w, "time", m.Time);
            WriteNumber(w, "period", m.Period);
            WriteNumber(w, "count", m.Count);
            WriteNumber(w, "sum", m.Sum);
            WriteNumber(w, "min", m.Min);
            WriteNumber(w, "max", m.Max);
            WriteNumber(w, "sum_squares", m.SumSquares);
            WriteNumber(w, "last", m.Last);
            WriteNumber(w, "stddev", m.StdDev);
            if (m.Source != null)
            {
                w.WriteString("source", m.Source);
            }

            if (m.Description != null)
            {
                w.WriteString("description", m.Description);
            }

            if (m.Tags != null)
            {
                w.WriteStartObject("tags");
                foreach (var tag in TagPairs.Of(m.Tags))
                {
                    w.WriteString(tag.Key, tag.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            EndLine(w, buffer);
        }

        /// <summary>Acknowledges measurements by position: <c>{"ack":[[first,last],...]}</c>, inclusive ranges.</summary>
        public static void WriteAck(Utf8JsonWriter w, PooledBuffer buffer, IReadOnlyList<int> sortedPositions)
        {
            w.Reset();
            w.WriteStartObject();
            w.WriteStartArray("ack");
            for (var i = 0; i < sortedPositions.Count;)
            {
                var first = sortedPositions[i];
                var last = first;
                while (++i < sortedPositions.Count && sortedPositions[i] == last + 1)
                {
                    last++;
                }

                w.WriteStartArray();
                w.WriteNumberValue(first);
                w.WriteNumberValue(last);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            EndLine(w, buffer);
        }

        /// <summary>
        /// Reads a whole file. Anything but this format (another version, a line that is not one of its records, a
        /// number that is not finite or out of range, an acknowledgement of a measurement not yet written) throws
        /// <see cref="InvalidDataException"/> naming the line; only an unfinished last line is ignored.
        /// </summary>
        public static OutboxContent Read(byte[] content)
        {
            var measurements = new List<Measurement>();
            var acked = new List<bool>();
            var line = 0;
            var start = 0;
            var sawHeader = false;
            while (start < content.Length)
            {
                var end = Array.IndexOf(content, (byte)'\n', start);
                if (end < 0)
                {
                    // The last write of a run that was killed: it was never complete, so it was never acknowledged.
                    break;
                }

                line++;
                var text = new ReadOnlyMemory<byte>(content, start, end - start);
                start = end + 1;
                try
                {
                    using (var doc = JsonDocument.Parse(text))
                    {
                        var root = doc.RootElement;
                        if (root.ValueKind != JsonValueKind.Object)
                        {
                            throw Invalid(line, "a JSON " + root.ValueKind.ToString().ToLowerInvariant() + " instead of a record");
                        }

                        if (!sawHeader)
                        {
                            ReadHeader(root, line);
                            sawHeader = true;
                        }
                        else if (root.TryGetProperty("ack", out var ack))
                        {
                            ReadAck(ack, acked, line);
                        }
                        else
                        {
                            measurements.Add(ReadMeasurement(root, line));
                            acked.Add(false);
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw Invalid(line, "not JSON (" + ex.Message + ")");
                }
            }

            if (!sawHeader)
            {
                throw new InvalidDataException(content.Length == 0 ? "an empty file" : "an unfinished file without its first line");
            }

            return new OutboxContent(measurements, acked.ToArray());
        }

        private static void ReadHeader(JsonElement root, int line)
        {
            if (!root.TryGetProperty(FormatKey, out var version))
            {
                throw Invalid(line, "not an outbox file (its first line does not name the format)");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
            {
                throw Invalid(line, $"outbox format version {version.GetRawText()}, which this version of the module does not read (it reads {Version})");
            }
        }

        private static void ReadAck(JsonElement ack, List<bool> acked, int line)
        {
            if (ack.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(line, "an acknowledgement that is not a list");
            }

            foreach (var range in ack.EnumerateArray())
            {
                if (range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2 ||
                    !range[0].TryGetInt32(out var first) || !range[1].TryGetInt32(out var last) ||
                    first < 0 || last < first || last >= acked.Count)
                {
                    throw Invalid(line, "an acknowledgement of measurements the file does not hold (" + range.GetRawText() + ")");
                }

                for (var i = first; i <= last; i++)
                {
                    acked[i] = true;
                }
            }
        }

        private static Measurement ReadMeasurement(JsonElement item, int line)
        {
            Measurement? m = null;
            foreach (var field in item.EnumerateObject())
            {
                if (field.NameEquals("name"))
                {
                    var name = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : null;
                    if (string.IsNullOrEmpty(name))
                    {
                        throw Invalid(line, "a measurement whose name is not a non-empty string");
                    }

                    m = new Measurement(name!);
                    break;
                }
            }

            if (m == null)
            {
                throw Invalid(line, "a record that is neither a measurement (it has no name) nor an acknowledgement");
            }

            foreach (var field in item.EnumerateObject())
            {
                var v = field.Value;
                switch (field.Name)
                {
                    case "name":
                        break;
                    case "type":
                        var type = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                        m.Type = type == "counter" ? MetricType.Counter
                            : type == "gauge" ? MetricType.Gauge
                            : throw Invalid(line, $"type {v.GetRawText()} of '{m.Name}', which is neither \"gauge\" nor \"counter\"");
                        break;
                    case "value": m.Value = Finite(v, field.Name, m.Name, line); break;
                    case "sum": m.Sum = Finite(v, field.Name, m.Name, line); break;
                    case "min": m.Min = Finite(v, field.Name, m.Name, line); break;
                    case "max": m.Max = Finite(v, field.Name, m.Name, line); break;
                    case "sum_squares": m.SumSquares = Finite(v, field.Name, m.Name, line); break;
                    case "last": m.Last = Finite(v, field.Name, m.Name, line); break;
                    case "stddev": m.StdDev = Finite(v, field.Name, m.Name, line); break;
                    case "time":
                        m.Time = v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var time) && time >= 0 && time <= EpochTime.Latest
                            ? time
                            : throw Invalid(line, $"time {v.GetRawText()} of '{m.Name}', which is not a whole number of epoch seconds from 0 to {EpochTime.Latest}");
                        break;
                    case "period":
                        m.Period = v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var period) && period > 0
                            ? period
                            : throw Invalid(line, $"period {v.GetRawText()} of '{m.Name}', which is not a positive whole number of seconds");
                        break;
                    case "count":
                        m.Count = v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var count) && count >= 0
                            ? count
                            : throw Invalid(line, $"count {v.GetRawText()} of '{m.Name}', which is not a whole number from 0");
                        break;
                    case "source":
                        m.Source = v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid(line, $"a source of '{m.Name}' that is not a string");
                        break;
                    case "description":
                        m.Description = v.ValueKind == JsonValueKind.String ? v.GetString() : throw Invalid(line, $"a description of '{m.Name}' that is not a string");
                        break;
                    case "tags":
                        m.Tags = ReadTags(v, m.Name, line);
                        break;
                    default:
                        throw Invalid(line, $"the field '{field.Name}' of '{m.Name}', which this version does not know");
                }
            }

            return m;
        }

        private static IDictionary<string, string> ReadTags(JsonElement v, string name, int line)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(line, $"tags of '{name}' that are not an object");
            }

            var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tag in v.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String
                    ? tag.Value.GetString()!
                    : throw Invalid(line, $"the tag '{tag.Name}' of '{name}', whose value is not a string");
            }

            return tags;
        }

        private static double Finite(JsonElement v, string field, string name, int line)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && !double.IsNaN(d) && !double.IsInfinity(d))
            {
                return d;
            }

            throw Invalid(line, $"{field} {Shorten(v.GetRawText())} of '{name}', which is not a finite number");
        }

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "..." : text;

        private static InvalidDataException Invalid(int line, string what) =>
            new InvalidDataException("line " + line.ToString(CultureInfo.InvariantCulture) + ": " + what);

        /// <summary>Hands the record to the buffer, then ends its line.</summary>
        private static void EndLine(Utf8JsonWriter w, PooledBuffer buffer)
        {
            w.Flush();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }
    }

    /// <summary>What an outbox file holds: its measurements in order, and which of them were acknowledged.</summary>
    internal sealed class OutboxContent
    {
        public OutboxContent(IReadOnlyList<Measurement> measurements, bool[] acknowledged)
        {
            Measurements = measurements;
            Acknowledged = acknowledged;
        }

        public IReadOnlyList<Measurement> Measurements { get; }

        public bool[] Acknowledged { get; }
    }
}
