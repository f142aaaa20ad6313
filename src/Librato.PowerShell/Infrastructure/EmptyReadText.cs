using System;
using System.Linq;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>What to tell the user of a read that found no points: what was read, why nothing came back, and what to type instead.</summary>
    internal static class EmptyReadText
    {
        // Enough series to recognise the data by, not so many that the warning becomes a listing.
        private const int ListedSeries = 5;

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

                case EmptyReadReason.ResolutionNotOffered:
                    var offered = string.Join(", ", PointQuery.SourceResolutions);
                    return $"{none}: '{name}' holds series by source, which offer the resolutions {offered} (seconds) only, not {query.Resolution}. " +
                        $"Use -Resolution {explained.OfferedResolution}, or leave it out to read the points as sent.";

                case EmptyReadReason.NoSeriesMatch:
                    return $"{none}: no series matches the filter. The series there are {Listing(explained)}.";

                case EmptyReadReason.OtherKind:
                    return explained.DataKind == SeriesKind.Tags
                        ? $"{none}: '{name}' holds tagged series, which have no sources ({Listing(explained)}). Filter them with -Tag, for example -Tag @{{ {TagExample(explained, query)} }}."
                        : $"{none}: '{name}' holds series by source, which have no tags ({Listing(explained)}). Filter them with -Source, for example -Source {SourceExample(explained, query)}.";

                case EmptyReadReason.AfterLastPoint:
                    var latest = explained.LatestBefore!.Value;
                    return $"{none}: its latest point{Approximately(explained)} is at {DisplayTime.Format(latest)}, before the window. " +
                        (query.StartTimeGiven
                            ? $"Use -StartTime '{DisplayTime.Format(latest)}' to include it."
                            : $"Use -Duration {Reach(latest, query)} to include it.");

                case EmptyReadReason.BeforeFirstPoint:
                    return $"{none}: its first point{Approximately(explained)} is at {DisplayTime.Format(explained.FirstAfter!.Value)}, after the window. " +
                        $"Use -StartTime '{DisplayTime.Format(explained.FirstAfter!.Value)}', or leave out -StartTime and -EndTime to read up to now.";

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

        // Tag sets are listed with '; ' between them: their own pairs are separated by commas.
        private static string Listing(EmptyRead explained) =>
            string.Join(explained.Series.Any(l => l.Contains("=")) ? "; " : ", ", explained.Series.Take(ListedSeries)) +
            (explained.Series.Count > ListedSeries ? $" and {explained.Series.Count - ListedSeries} more" : string.Empty);

        /// <summary>A -Tag to type: the pair that holds what was given as a source, else the first tag of the first series.</summary>
        private static string TagExample(EmptyRead explained, PointQuery query)
        {
            var pairs = explained.Series.SelectMany(l => l.Split(',')).Select(p => p.Split(new[] { '=' }, 2)).Where(p => p.Length == 2).ToList();
            var typed = pairs.FirstOrDefault(p => query.Sources.Any(source => string.Equals(source, p[1], StringComparison.OrdinalIgnoreCase)));
            var pair = typed ?? pairs.FirstOrDefault() ?? new[] { "name", "value" };
            return pair[0] + " = " + Quote(pair[1]);
        }

        /// <summary>A -Source to type: the source that is a value given in -Tag, else the first source.</summary>
        private static string SourceExample(EmptyRead explained, PointQuery query)
        {
            var typed = explained.Series.FirstOrDefault(source => query.Tags.Values.SelectMany(v => v).Any(value => string.Equals(value, source, StringComparison.OrdinalIgnoreCase)));
            return typed ?? explained.Series.FirstOrDefault() ?? string.Empty;
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
