using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The stream fields New-LibratoChartStream and Add-LibratoChartStream take as parameters, and the stream they
    /// make: every field given is kept, so every one reaches the API.
    /// </summary>
    internal sealed class ChartStreamBuilder
    {
        public string? Metric { get; set; }

        public string? Source { get; set; }

        public IDictionary? Tag { get; set; }

        public string[]? GroupedTag { get; set; }

        public string[]? DynamicTag { get; set; }

        public string? Composite { get; set; }

        public string? GroupFunction { get; set; }

        public string? SummaryFunction { get; set; }

        public string? DownsampleFunction { get; set; }

        public string? Name { get; set; }

        public string? Color { get; set; }

        public string? UnitsShort { get; set; }

        public string? UnitsLong { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        public int? Period { get; set; }

        public string? TransformFunction { get; set; }

        public bool? SplitAxis { get; set; }

        public bool? GapDetection { get; set; }

        public int? Position { get; set; }

        /// <summary>
        /// The stream. A metric stream without a source or tags gets the source <c>*</c> (every source), as the
        /// original client's streams do. Tags named in GroupedTag or DynamicTag but not in Tag match every value.
        /// </summary>
        public LibratoChartStream Build()
        {
            var stream = new LibratoChartStream
            {
                Metric = Metric,
                Composite = Composite,
                Source = Source,
                GroupFunction = GroupFunction?.ToLowerInvariant(),
                SummaryFunction = SummaryFunction?.ToLowerInvariant(),
                DownsampleFunction = DownsampleFunction?.ToLowerInvariant(),
                Name = Name,
                Color = Color,
                UnitsShort = UnitsShort,
                UnitsLong = UnitsLong,
                Min = Min,
                Max = Max,
                Period = Period,
                TransformFunction = TransformFunction,
                SplitAxis = SplitAxis,
                GapDetection = GapDetection,
                Position = Position,
            };

            if (Tag != null || GroupedTag != null || DynamicTag != null)
            {
                var tags = new List<LibratoChartStreamTag>();
                if (Tag != null)
                {
                    foreach (DictionaryEntry entry in Tag)
                    {
                        tags.Add(new LibratoChartStreamTag(InputConversion.Text(entry.Key) ?? string.Empty, ChartStreamConversion.Values(entry.Value)));
                    }
                }

                Mark(tags, GroupedTag, t => t.Grouped = true);
                Mark(tags, DynamicTag, t => t.Dynamic = true);

                // A hashtable's order changes from process to process: by name, the stream reads and exports the same each time.
                tags.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
                stream.Tags = tags;
            }

            if (stream.Metric != null && stream.Source == null && stream.Tags == null)
            {
                stream.Source = "*";
            }

            return stream;
        }

        /// <summary>
        /// The builder for a cmdlet whose stream-field parameters carry the names of this class's properties
        /// (New-LibratoChartStream, Add-LibratoChartStream): only the parameters given are read, so a switch given as
        /// false is kept as false and one not given stays unset.
        /// </summary>
        public static ChartStreamBuilder FromParameters(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            T? Value<T>(string name) where T : class => bound.TryGetValue(name, out var v) ? (T?)v : null;
            T? Number<T>(string name) where T : struct => bound.TryGetValue(name, out var v) ? (T?)v : null;
            bool? Switch(string name) => bound.TryGetValue(name, out var v) ? ((SwitchParameter)v).IsPresent : (bool?)null;

            return new ChartStreamBuilder
            {
                Metric = Value<string>(nameof(Metric)),
                Source = Value<string>(nameof(Source)),
                Tag = Value<IDictionary>(nameof(Tag)),
                GroupedTag = Value<string[]>(nameof(GroupedTag)),
                DynamicTag = Value<string[]>(nameof(DynamicTag)),
                GroupFunction = Value<string>(nameof(GroupFunction)),
                Composite = Value<string>(nameof(Composite)),
                DownsampleFunction = Value<string>(nameof(DownsampleFunction)),
                SummaryFunction = Value<string>(nameof(SummaryFunction)),
                Name = Value<string>(nameof(Name)),
                Color = Value<string>(nameof(Color)),
                UnitsShort = Value<string>(nameof(UnitsShort)),
                UnitsLong = Value<string>(nameof(UnitsLong)),
                Min = Number<double>(nameof(Min)),
                Max = Number<double>(nameof(Max)),
                Period = Number<int>(nameof(Period)),
                TransformFunction = Value<string>(nameof(TransformFunction)),
                SplitAxis = Switch(nameof(SplitAxis)),
                GapDetection = Switch(nameof(GapDetection)),
                Position = Number<int>(nameof(Position)),
            };
        }

        /// <summary>Reads the switch a cmdlet was given: null when not given, so that an explicit false is still sent.</summary>
        public static bool? Flag(PSCmdlet cmdlet, string parameter, SwitchParameter value) =>
            cmdlet.MyInvocation.BoundParameters.ContainsKey(parameter) ? value.IsPresent : (bool?)null;

        private static void Mark(List<LibratoChartStreamTag> tags, string[]? names, Action<LibratoChartStreamTag> mark)
        {
            foreach (var name in names ?? new string[0])
            {
                var tag = tags.Find(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
                if (tag == null)
                {
                    tag = new LibratoChartStreamTag(name, new[] { "*" });
                    tags.Add(tag);
                }

                mark(tag);
            }
        }
    }
}
