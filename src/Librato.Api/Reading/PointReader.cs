using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Reads one metric's points in a window, whichever kind of series holds them: series by source first (that read
    /// also brings the metric's properties), then tagged series when the metric has no points by source. A metric holds
    /// one kind or the other, and the caller should not have to know which. Filters of one kind read only that kind.
    /// Each call to <see cref="NextAsync"/> reads one answer of the API; <see cref="ExplainEmptyAsync"/> says why a
    /// read found nothing.
    /// </summary>
    public sealed class PointReader
    {
        private readonly LibratoClient client;
        private readonly string metric;
        private readonly PointQuery query;
        private readonly IRequestTrace? trace;
        private readonly SeriesKind? kind;
        private readonly Dictionary<string, double?> previousBySource = new Dictionary<string, double?>(StringComparer.Ordinal);
        private Stage stage;
        private long? nextTime;
        private string? nextLink;

        /// <exception cref="ArgumentException">The query filters by sources and by tags at once.</exception>
        public PointReader(LibratoClient client, string metric, PointQuery query, IRequestTrace? trace)
        {
            this.client = client;
            this.metric = metric;
            this.query = query;
            this.trace = trace;
            kind = query.Kind;
            stage = kind == SeriesKind.Tags || (kind == null && !query.FitsSources) ? Stage.Tags
                : kind == SeriesKind.Sources && !query.FitsSources ? Stage.Done
                : Stage.Sources;
        }

        private enum Stage
        {
            Sources,
            Tags,
            Done,
        }

        /// <summary>The metric's properties, when the read by source ran (it answers with them).</summary>
        public LibratoMetric? Metric { get; private set; }

        /// <summary>The kind of series the points came from; null while none have been read.</summary>
        public SeriesKind? Found { get; private set; }

        /// <summary>The resolution of the points read, in seconds, when the API said.</summary>
        public int? Resolution { get; private set; }

        public long PointsRead { get; private set; }

        /// <summary>One answer's points (possibly none), or null when the read is complete.</summary>
        public async Task<IReadOnlyList<LibratoMeasurement>?> NextAsync(CancellationToken cancellationToken)
        {
            switch (stage)
            {
                case Stage.Sources:
                    return Count(await ReadSourcesAsync(cancellationToken).ConfigureAwait(false));
                case Stage.Tags:
                    return Count(query.Count.HasValue
                        ? await ReadCountedTagsAsync(cancellationToken).ConfigureAwait(false)
                        : await ReadTagsAsync(cancellationToken).ConfigureAwait(false));
                default:
                    return null;
            }
        }

        /// <summary>
        /// Once a read has found nothing: why, as far as a few more small reads around the window can tell. The reads
        /// look for series without the filters, for the other kind of series, and for the points nearest the window.
        /// </summary>
        public async Task<EmptyRead> ExplainEmptyAsync(CancellationToken cancellationToken)
        {
            // Only a resolution the caller chose can be the reason: without one, points by source come as sent.
            if (query.Resolution.HasValue && !query.Count.HasValue && query.EndTime - query.StartTime < query.Resolution.Value)
            {
                return new EmptyRead(EmptyReadReason.ResolutionCoarserThanWindow);
            }

            var window = WindowOnly(query);
            if (!query.FitsSources && kind != SeriesKind.Tags)
            {
                // Series by source offer a few resolutions only; the read skipped them, so look at them at one they offer.
                var offered = OfferedResolution(query.Resolution!.Value);
                var coarser = WindowOnly(query);
                coarser.Resolution = offered;
                if (kind == SeriesKind.Sources || (await ProbeWindowAsync(SeriesKind.Sources, coarser, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    return new EmptyRead(EmptyReadReason.ResolutionNotOffered) { DataKind = SeriesKind.Sources, OfferedResolution = offered };
                }
            }

            if (kind.HasValue)
            {
                var unfiltered = await ProbeWindowAsync(kind.Value, window, cancellationToken).ConfigureAwait(false);
                if (unfiltered.Count > 0)
                {
                    return WithSeries(new EmptyRead(EmptyReadReason.NoSeriesMatch) { DataKind = kind }, unfiltered);
                }

                var other = kind == SeriesKind.Sources ? SeriesKind.Tags : SeriesKind.Sources;
                var others = await ProbeWindowAsync(other, window, cancellationToken).ConfigureAwait(false);
                if (others.Count > 0)
                {
                    return WithSeries(new EmptyRead(EmptyReadReason.OtherKind) { DataKind = other }, others);
                }
            }

            foreach (var probed in kind.HasValue ? new[] { kind.Value } : new[] { SeriesKind.Sources, SeriesKind.Tags })
            {
                var (before, after) = probed == SeriesKind.Sources
                    ? await NearestBySourceAsync(cancellationToken).ConfigureAwait(false)
                    : await NearestTaggedAsync(cancellationToken).ConfigureAwait(false);
                if (before.HasValue || after.HasValue)
                {
                    var reason = before.HasValue && after.HasValue ? EmptyReadReason.BetweenPoints
                        : before.HasValue ? EmptyReadReason.AfterLastPoint
                        : EmptyReadReason.BeforeFirstPoint;
                    return new EmptyRead(reason) { DataKind = probed, LatestBefore = before, FirstAfter = after };
                }
            }

            return new EmptyRead(EmptyReadReason.NoPoints);
        }

        private IReadOnlyList<LibratoMeasurement> Count(IReadOnlyList<LibratoMeasurement> points)
        {
            PointsRead += points.Count;
            return points;
        }

        private async Task<IReadOnlyList<LibratoMeasurement>> ReadSourcesAsync(CancellationToken cancellationToken)
        {
            var read = query.ForSources();
            if (nextTime.HasValue)
            {
                read.StartTime = nextTime;
            }

            LegacyRead answer;
            try
            {
                answer = await client.GetMetricAsync(metric, read, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (LibratoApiException ex) when (kind == null && ex.Kind == LibratoErrorKind.Forbidden && Metric == null)
            {
                // An account without series by source (AppOptics) refuses the read; its metrics are all tagged.
                stage = Stage.Tags;
                return Array.Empty<LibratoMeasurement>();
            }

            Metric = Metric ?? answer.Metric;
            Resolution = answer.Metric.Resolution ?? Resolution;
            var points = answer.Metric.Measurements;
            if (points.Count > 0)
            {
                Found = SeriesKind.Sources;
                ApplySummary(points);
            }

            if (!answer.NextTime.HasValue || query.Count.HasValue || answer.NextTime == read.StartTime)
            {
                stage = Found == null && kind == null ? Stage.Tags : Stage.Done;
            }
            else
            {
                nextTime = answer.NextTime;
            }

            return points as IReadOnlyList<LibratoMeasurement> ?? points.ToList();
        }

        private void ApplySummary(IList<LibratoMeasurement> points)
        {
            var function = query.SummaryFunction;
            if (function == null || function == "mean" || function == "all")
            {
                return;
            }

            for (var i = 0; i < points.Count; i++)
            {
                var point = points[i];
                var source = point.Source ?? string.Empty;
                previousBySource.TryGetValue(source, out var previous);
                var value = SourcePointSummary.ValueOf(point, function, previous);
                if (function == "derivative")
                {
                    previousBySource[source] = point.Value ?? previous;
                    if (!value.HasValue)
                    {
                        // As a tagged derivative: a series' first point has nothing to differ from.
                        points.RemoveAt(i--);
                        continue;
                    }
                }

                point.Value = value;
            }
        }

        private async Task<IReadOnlyList<LibratoMeasurement>> ReadTagsAsync(CancellationToken cancellationToken)
        {
            SeriesRead answer;
            try
            {
                answer = await client.ReadMeasurementsAsync(metric, query.ForTags(), nextLink, trace, cancellationToken).ConfigureAwait(false);
            }
            catch (LibratoApiException ex) when (kind == null && nextLink == null && ex.Kind == LibratoErrorKind.Forbidden)
            {
                // An account without tagged series refuses the read; the metric had no points by source either.
                stage = Stage.Done;
                return Array.Empty<LibratoMeasurement>();
            }

            Resolution = answer.Resolution ?? Resolution;
            if (answer.Points.Count > 0)
            {
                Found = SeriesKind.Tags;
            }

            nextLink = answer.Next;
            if (nextLink == null)
            {
                stage = Stage.Done;
            }

            return answer.Points;
        }

        /// <summary>Tagged reads have no count: read the whole window, then keep N points of each series.</summary>
        private async Task<IReadOnlyList<LibratoMeasurement>> ReadCountedTagsAsync(CancellationToken cancellationToken)
        {
            var all = new List<LibratoMeasurement>();
            do
            {
                all.AddRange(await ReadTagsAsync(cancellationToken).ConfigureAwait(false));
            }
            while (stage == Stage.Tags);

            return PointCount.Keep(all, query.Count!.Value, query.StartTimeGiven);
        }

        private static PointQuery WindowOnly(PointQuery query) => new PointQuery
        {
            StartTime = query.StartTime,
            EndTime = query.EndTime,
            StartTimeGiven = true,
            Resolution = query.Resolution,
        };

        private Task<IReadOnlyList<LibratoMeasurement>> ProbeWindowAsync(SeriesKind probed, PointQuery window, CancellationToken cancellationToken)
        {
            if (probed == SeriesKind.Sources)
            {
                return window.FitsSources
                    ? ProbeAsync(async () => (await client.GetMetricAsync(metric, window.ForSources(), trace, cancellationToken).ConfigureAwait(false)).Metric.Measurements.ToList())
                    : Task.FromResult<IReadOnlyList<LibratoMeasurement>>(Array.Empty<LibratoMeasurement>());
            }

            return ProbeAsync(async () => (await client.ReadMeasurementsAsync(metric, window.ForTags(), null, trace, cancellationToken).ConfigureAwait(false)).Points);
        }

        private static EmptyRead WithSeries(EmptyRead explained, IReadOnlyList<LibratoMeasurement> points)
        {
            explained.Series = points.Select(SeriesLabel.Of).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
            return explained;
        }

        /// <summary>The finest resolution series by source offer that is at least <paramref name="asked"/>.</summary>
        public static int OfferedResolution(int asked)
        {
            foreach (var offered in PointQuery.SourceResolutions)
            {
                if (offered >= asked)
                {
                    return offered;
                }
            }

            return PointQuery.SourceResolutions[PointQuery.SourceResolutions.Count - 1];
        }

        /// <summary>The last point by source before the window and the first after it: a count of one each way.</summary>
        private async Task<(DateTime? Before, DateTime? After)> NearestBySourceAsync(CancellationToken cancellationToken)
        {
            if (!query.FitsSources)
            {
                return (null, null);
            }

            var filters = query.ForSources();
            var before = new MetricReadQuery { Count = 1, Resolution = query.Resolution, EndTime = query.StartTime - 1, Source = filters.Source, Sources = filters.Sources };
            var after = new MetricReadQuery { Count = 1, Resolution = query.Resolution, StartTime = query.EndTime + 1, Source = filters.Source, Sources = filters.Sources };
            Task<IReadOnlyList<LibratoMeasurement>> Read(MetricReadQuery probe) =>
                ProbeAsync(async () => (await client.GetMetricAsync(metric, probe, trace, cancellationToken).ConfigureAwait(false)).Metric.Measurements.ToList());
            var latest = Latest(await Read(before).ConfigureAwait(false));
            var first = query.EndTime < EpochTime.Now() ? Earliest(await Read(after).ConfigureAwait(false)) : null;
            return (latest, first);
        }

        /// <summary>
        /// Tagged reads have no count, so the nearest points are looked for a week either side of the window at an
        /// hourly resolution (one answer each): their times are the starts of the hours they fall in.
        /// </summary>
        private async Task<(DateTime? Before, DateTime? After)> NearestTaggedAsync(CancellationToken cancellationToken)
        {
            var reach = (long)EmptyRead.TaggedProbeReach.TotalSeconds;
            var resolution = Math.Max(3600, query.Resolution ?? 0);
            var filters = query.ForTags();
            TaggedReadQuery Probe(long start, long end)
            {
                var probe = new TaggedReadQuery { Resolution = resolution, StartTime = start, EndTime = end, TagsSearch = filters.TagsSearch };
                foreach (var tag in filters.Tags)
                {
                    probe.Tags[tag.Key] = tag.Value;
                }

                return probe;
            }

            Task<IReadOnlyList<LibratoMeasurement>> Read(TaggedReadQuery probe) =>
                ProbeAsync(async () => (await client.ReadMeasurementsAsync(metric, probe, null, trace, cancellationToken).ConfigureAwait(false)).Points);
            var before = Latest(await Read(Probe(query.StartTime - reach, query.StartTime - 1)).ConfigureAwait(false));
            var after = query.EndTime < EpochTime.Now() ? Earliest(await Read(Probe(query.EndTime + 1, query.EndTime + reach)).ConfigureAwait(false)) : null;
            return (before, after);
        }

        /// <summary>The points a probe read, or none when the API refused it.</summary>
        private static async Task<IReadOnlyList<LibratoMeasurement>> ProbeAsync(Func<Task<IReadOnlyList<LibratoMeasurement>>> read)
        {
            try
            {
                return await read().ConfigureAwait(false);
            }
            catch (LibratoApiException ex) when (IsProbeRefusal(ex))
            {
                return Array.Empty<LibratoMeasurement>();
            }
        }

        private static DateTime? Latest(IReadOnlyList<LibratoMeasurement> points) => points.Count == 0 ? (DateTime?)null : points.Max(p => p.Time);

        private static DateTime? Earliest(IReadOnlyList<LibratoMeasurement> points) => points.Count == 0 ? (DateTime?)null : points.Min(p => p.Time);

        // A probe only adds to an explanation: a refusal (no series by source on AppOptics, a resolution the
        // window cannot have) means it has nothing to add.
        private static bool IsProbeRefusal(LibratoApiException ex) =>
            ex.Kind == LibratoErrorKind.Forbidden || ex.Kind == LibratoErrorKind.InvalidRequest || ex.Kind == LibratoErrorKind.NotFound;
    }
}
