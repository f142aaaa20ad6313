using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Turns hashtables and custom objects into chart streams. Keys may be property names (<c>GroupFunction</c>) or the
    /// API's names (<c>group_function</c>), so a stream written for the API or for the original Python client can be
    /// pasted as it is. An unknown key is an error rather than a field silently left out.
    /// </summary>
    internal static class ChartStreamConversion
    {
        private static readonly string[] Keys =
        {
            "id", "type", "metric", "composite", "source", "tags", "group_function", "summary_function", "downsample_function",
            "name", "color", "units_short", "units_long", "min", "max", "period", "transform_function", "split_axis",
            "gap_detection", "position",
        };

        public static LibratoChartStream Convert(object? value)
        {
            var raw = value is PSObject pso ? pso.BaseObject : value;
            switch (raw)
            {
                case LibratoChartStream stream:
                    return stream;
                case IDictionary dictionary:
                    return FromPairs(dictionary.Cast<DictionaryEntry>().Select(e => (InputConversion.Text(e.Key) ?? string.Empty, (object?)e.Value)));
                case PSCustomObject _:
                    return FromPairs(((PSObject)value!).Properties.Select(p => (p.Name, (object?)p.Value)));
                default:
                    throw new ArgumentException(
                        $"Cannot use '{value}' as a chart stream: give a stream from New-LibratoChartStream or a hashtable such as @{{ metric = 'cpu'; source = '*' }}.");
            }
        }

        private static LibratoChartStream FromPairs(IEnumerable<(string Key, object? Value)> pairs)
        {
            var stream = new LibratoChartStream();
            foreach (var (key, value) in pairs)
            {
                var field = Normalize(key);
                switch (field)
                {
                    case "id": stream.Id = Whole(key, value) ?? 0; break;
                    case "type": stream.Type = Text(value); break;
                    case "metric": stream.Metric = Text(value); break;
                    case "composite": stream.Composite = Text(value); break;
                    case "source": stream.Source = Text(value); break;
                    case "tags": stream.Tags = Tags(value); break;
                    case "groupfunction": stream.GroupFunction = Text(value); break;
                    case "summaryfunction": stream.SummaryFunction = Text(value); break;
                    case "downsamplefunction": stream.DownsampleFunction = Text(value); break;
                    case "name": stream.Name = Text(value); break;
                    case "color": stream.Color = Text(value); break;
                    case "unitsshort": stream.UnitsShort = Text(value); break;
                    case "unitslong": stream.UnitsLong = Text(value); break;
                    case "min": stream.Min = Number(key, value); break;
                    case "max": stream.Max = Number(key, value); break;
                    case "period": stream.Period = (int?)Whole(key, value); break;
                    case "transformfunction": stream.TransformFunction = Text(value); break;
                    case "splitaxis": stream.SplitAxis = Flag(key, value); break;
                    case "gapdetection": stream.GapDetection = Flag(key, value); break;
                    case "position": stream.Position = (int?)Whole(key, value); break;
                    default:
                        throw new ArgumentException($"'{key}' is not a chart stream field. Stream fields are: {string.Join(", ", Keys)}.");
                }
            }

            if (stream.Metric == null && stream.Composite == null)
            {
                throw new ArgumentException("A chart stream needs a metric or a composite.");
            }

            return stream;
        }

        /// <summary>
        /// Tags as the API writes them (a list of <c>@{ name; values; grouped; dynamic }</c>) or as a hashtable of
        /// tag name to value or values.
        /// </summary>
        internal static List<LibratoChartStreamTag>? Tags(object? value)
        {
            var raw = value is PSObject pso ? pso.BaseObject : value;
            if (raw == null)
            {
                return null;
            }

            var tags = new List<LibratoChartStreamTag>();
            if (raw is IDictionary byName && !byName.Contains("values"))
            {
                foreach (DictionaryEntry entry in byName)
                {
                    tags.Add(new LibratoChartStreamTag(InputConversion.Text(entry.Key) ?? string.Empty, Values(entry.Value)));
                }

                return tags;
            }

            var items = raw is IEnumerable list && !(raw is string) && !(raw is IDictionary) ? list.Cast<object?>() : new[] { value };
            foreach (var item in items)
            {
                var one = item is PSObject p ? p.BaseObject : item;
                switch (one)
                {
                    case LibratoChartStreamTag tag:
                        tags.Add(tag);
                        break;
                    case IDictionary d:
                        tags.Add(TagFrom(d.Cast<DictionaryEntry>().Select(e => (InputConversion.Text(e.Key) ?? string.Empty, (object?)e.Value))));
                        break;
                    case PSCustomObject _:
                        tags.Add(TagFrom(((PSObject)item!).Properties.Select(pr => (pr.Name, (object?)pr.Value))));
                        break;
                    default:
                        throw new ArgumentException($"Cannot use '{item}' as a stream tag: give @{{ name = 'environment'; values = 'prod' }}.");
                }
            }

            return tags;
        }

        internal static List<string> Values(object? value)
        {
            var raw = value is PSObject pso ? pso.BaseObject : value;
            if (raw is IEnumerable list && !(raw is string))
            {
                return list.Cast<object?>().Select(v => InputConversion.Text(v) ?? string.Empty).ToList();
            }

            return new List<string> { InputConversion.Text(raw) ?? string.Empty };
        }

        private static LibratoChartStreamTag TagFrom(IEnumerable<(string Key, object? Value)> pairs)
        {
            var tag = new LibratoChartStreamTag();
            foreach (var (key, value) in pairs)
            {
                switch (Normalize(key))
                {
                    case "name": tag.Name = Text(value) ?? string.Empty; break;
                    case "values": tag.Values = Values(value); break;
                    case "grouped": tag.Grouped = Flag(key, value); break;
                    case "dynamic": tag.Dynamic = Flag(key, value); break;
                    default:
                        throw new ArgumentException($"'{key}' is not a stream tag field. Tag fields are: name, values, grouped, dynamic.");
                }
            }

            if (tag.Name.Length == 0)
            {
                throw new ArgumentException("A stream tag needs a name.");
            }

            return tag;
        }

        private static string Normalize(string key) => key.Replace("_", string.Empty).ToLowerInvariant();

        private static string? Text(object? value) => InputConversion.Text(value);

        private static double? Number(string key, object? value) =>
            InputConversion.TryNumber(value, out var number) ? number : throw new ArgumentException($"The stream field '{key}' must be a number.");

        private static long? Whole(string key, object? value) =>
            InputConversion.TryCount(value, out var whole) ? whole : throw new ArgumentException($"The stream field '{key}' must be a whole number.");

        private static bool? Flag(string key, object? value)
        {
            switch (InputConversion.Unwrap(value))
            {
                case null:
                    return null;
                case bool b:
                    return b;
                case SwitchParameter s:
                    return s.IsPresent;
                case string s when bool.TryParse(s.Trim(), out var parsed):
                    return parsed;
                default:
                    throw new ArgumentException($"The stream field '{key}' must be $true or $false.");
            }
        }
    }

    /// <summary>Lets a stream parameter take streams from New-LibratoChartStream, hashtables or custom objects.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class ChartStreamTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
            try
            {
                if (raw is IEnumerable list && !(raw is string) && !(raw is IDictionary))
                {
                    return list.Cast<object?>().Select(ChartStreamConversion.Convert).ToArray();
                }

                return ChartStreamConversion.Convert(inputData);
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }
}
