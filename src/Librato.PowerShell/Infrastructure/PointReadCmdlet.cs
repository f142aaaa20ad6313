using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The base of the cmdlets that read points: one set of window parameters, one way to read either kind of series
    /// (<see cref="PointReader"/>), and one warning that says why a read found nothing and what to type instead.
    /// </summary>
    public abstract class PointReadCmdlet : LibratoCmdlet
    {
        /// <summary>How far back points are read when neither -StartTime nor -Duration is given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

        /// <summary>Seconds per point. By default points by source come as sent and tagged series per minute.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        [ArgumentCompleter(typeof(ResolutionCompleter))]
        public int? Resolution { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>How long a window to read: back from -EndTime (or now), or on from -StartTime.</summary>
        [Parameter]
        [Seconds]
        [ValidateNotNull]
        public TimeSpan? Duration { get; set; }

        /// <summary>The last N points of each series (with -StartTime, the first N after it).</summary>
        [Parameter]
        [ValidateRange(1, 100000)]
        public int? Count { get; set; }

        /// <summary>Whether any window parameter was given.</summary>
        internal bool HasWindow => Resolution.HasValue || StartTime.HasValue || EndTime.HasValue || Duration.HasValue || Count.HasValue;

        /// <summary>
        /// The window as the API takes it. Any two of start, end and duration fix it; with one or none, the end is now
        /// and the duration an hour.
        /// </summary>
        internal PointQuery Window()
        {
            if (StartTime.HasValue && EndTime.HasValue && Duration.HasValue)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("-StartTime, -EndTime and -Duration together say the window three ways; give two of them (or one: it ends now and lasts an hour)."),
                    ErrorIds.InvalidWindow, ErrorCategory.InvalidArgument, null));
            }

            if (Duration.HasValue && Duration.Value <= TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"-Duration {DurationText.Format(Duration.Value)} is not a length of time; give a positive one such as 1h or 15m."),
                    ErrorIds.InvalidWindow, ErrorCategory.InvalidArgument, Duration));
            }

            var length = (long)(Duration ?? DefaultWindow).TotalSeconds;
            long start, end;
            if (StartTime.HasValue)
            {
                start = EpochTime.FromDateTime(StartTime.Value);
                end = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : Duration.HasValue ? start + length : EpochTime.Now();
            }
            else
            {
                end = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : EpochTime.Now();
                start = end - length;
            }

            if (start >= end)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"The window starts at {DisplayTime.FormatEpoch(start)}, not before it ends at {DisplayTime.FormatEpoch(end)}; give a -StartTime before the -EndTime."),
                    ErrorIds.InvalidWindow, ErrorCategory.InvalidArgument, null));
            }

            return new PointQuery
            {
                StartTime = start,
                EndTime = end,
                StartTimeGiven = StartTime.HasValue,
                Resolution = Resolution,
                Count = Count,
            };
        }

        /// <summary>
        /// Reads every point of <paramref name="name"/>, handing each answer to <paramref name="onPoints"/> as it
        /// arrives; when none came, warns why (or hands the reason to <paramref name="onEmpty"/>). Errors are written
        /// against the metric's name, and the pipeline goes on.
        /// </summary>
        /// <returns>The reader, for the metric's properties and what it found; null when the read failed.</returns>
        internal PointReader? ReadPoints(
            string name, PointQuery query, Action<IReadOnlyList<LibratoMeasurement>> onPoints, string activity, Action<string>? onEmpty = null, int progressId = ProgressIds.ReadMeasurements)
        {
            PointReader reader;
            try
            {
                reader = new PointReader(Client, name, query, Trace);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message + " Use -Source for series by source and -Tag or -TagSearch for tagged series."),
                    ErrorIds.ConflictingFilters, ErrorCategory.InvalidArgument, null));
                return null;
            }

            var completed = false;
            ForMetric(name, () =>
            {
                var progress = new ProgressReporter(this, progressId, activity, "points read");
                try
                {
                    IReadOnlyList<LibratoMeasurement>? points;
                    while ((points = Await(ct => reader.NextAsync(ct))) != null)
                    {
                        onPoints(points);
                        progress.Report(reader.PointsRead);
                    }

                    if (reader.PointsRead == 0)
                    {
                        var explained = Await(ct => reader.ExplainEmptyAsync(ct));
                        (onEmpty ?? WriteWarning)(EmptyReadText.Text(name, query, explained, reader.Metric));
                    }

                    completed = true;
                }
                finally
                {
                    progress.Complete();
                }
            });

            return completed ? reader : null;
        }

    }
}
