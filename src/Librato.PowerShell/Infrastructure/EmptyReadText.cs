using System;
using System.Linq;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>What to tell the user of a read that found no points: what was read, why nothing came back, and what to type instead.</summary>
    internal static class EmptyReadText
    {
        public static string Text(string name, PointQuery query, EmptyRead explained, LibratoMetric? metric)
        {
            var window = $"between {DisplayTime.FormatEpoch(query.StartTime)} and {DisplayTime.FormatEpoch(query.EndTime)}";
            var none = $"No points of '{name}'{Filter(query)} {window}";
            switch (explained.Reason)
            {
                case EmptyReadReason.ResolutionCoarserThanWindow:
                    var resolution = TimeSpan.FromSeconds(query.Resolution ?? PointQuery.DefaultTaggedResolution);
                    return $"{none}: the window ({DurationText.Format(TimeSpan.FromSeconds(query.EndTime - query.StartTime))}) is shorter than the resolution " +
                        $"({DurationText.Format(resolution)}), so no whole period fits in it. Use -Duration {DurationText.Format(resolution)} or longer, or a finer -Resolution.";

                case EmptyReadReason.NoSeriesMatch:
                    return $"{none}: no series matches the filter. The series there are {Listing(explained)}.";

                case EmptyReadReason.OtherKind:
                    return explained.DataKind == SeriesKind.Tags
                        ? $"{none}: '{name}' holds tagged series, which have no sources ({Listing(explained)}). Filter them with -Tag, for example -Tag @{{ {TagExample(explained)} }}."
                        : $"{none}: '{name}' holds series by source, which have no tags ({Listing(explained)}). Filter them with -Source, for example -Source {explained.Series.FirstOrDefault()}.";

                case EmptyReadReason.AfterLastPoint:
                    var latest = explained.LatestBefore!.Value;
                    return $"{none}: its latest point{Approximately(explained)} is at {DisplayTime.Format(latest)}, before the window. " +
                        (query.StartTimeGiven
                            ? $"Use -StartTime '{DisplayTime.Format(latest)}' to include it."
                            : $"Use -Duration {Reach(latest, query)} to include it, or -StartTime.");

                case EmptyReadReason.BeforeFirstPoint:
                    return $"{none}: its first point{Approximately(explained)} is at {DisplayTime.Format(explained.FirstAfter!.Value)}, after the window. " +
                        "Move the window with -StartTime and -EndTime, or leave them out to read up to now.";

                case EmptyReadReason.BetweenPoints:
                    return $"{none}: the nearest points{Approximately(explained)} are at {DisplayTime.Format(explained.LatestBefore!.Value)} " +
                        $"and {DisplayTime.Format(explained.FirstAfter!.Value)}. Widen the window with -StartTime and -EndTime to include them.";

                default:
                    var near = explained.DataKind == null && query.Kind != SeriesKind.Sources
                        ? $"none within {DurationText.Format(EmptyRead.TaggedProbeReach)} of it either"
                        : "none before or after it either";
                    return $"{none}, and {near}: '{name}' exists{Since(metric)}, but no points{(query.IsUnfiltered ? string.Empty : " that match the filter")} were sent to it lately.";
            }
        }

        private static string Filter(PointQuery query)
        {
            if (query.Sources.Count > 0)
            {
                return " with -Source " + string.Join(", ", query.Sources);
            }

            if (query.Tags.Count > 0)
            {
                return " with -Tag @{ " + string.Join("; ", query.Tags.Select(t => t.Key + " = " + string.Join(", ", t.Value.Select(Quote)))) + " }";
            }

            return query.TagsSearch != null ? " with -TagSearch " + Quote(query.TagsSearch) : string.Empty;
        }

        private static string Listing(EmptyRead explained) =>
            string.Join(", ", explained.Series) + (explained.SeriesCount > explained.Series.Count ? $" and {explained.SeriesCount - explained.Series.Count} more" : string.Empty);

        private static string TagExample(EmptyRead explained)
        {
            var first = explained.Series.FirstOrDefault() ?? "name=value";
            var pair = first.Split(',')[0].Split(new[] { '=' }, 2);
            return pair[0] + " = " + Quote(pair.Length > 1 ? pair[1] : string.Empty);
        }

        // Tagged series are looked for at an hourly resolution, so their times are the hours the points fall in.
        private static string Approximately(EmptyRead explained) => explained.DataKind == SeriesKind.Tags ? " (to the hour)" : string.Empty;

        /// <summary>A -Duration back from the window's end that reaches <paramref name="time"/>, rounded up to a readable length.</summary>
        private static string Reach(DateTime time, PointQuery query)
        {
            var seconds = query.EndTime - EpochTime.FromDateTime(time) + 1;
            var step = seconds <= 3600 ? 60 : seconds <= 86400 ? 3600 : 86400;
            return DurationText.Format(TimeSpan.FromSeconds((seconds + step - 1) / step * step));
        }

        private static string Since(LibratoMetric? metric) => metric == null ? string.Empty : $" (a {metric.Type})";

        private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";
    }
}
