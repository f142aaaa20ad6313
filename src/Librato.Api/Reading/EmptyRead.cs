using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>Why a read of a metric's points found none, as far as the API can tell.</summary>
    public enum EmptyReadReason
    {
        /// <summary>The window is shorter than the resolution, so no whole period fits in it.</summary>
        ResolutionCoarserThanWindow,

        /// <summary>The metric's series are by source, and they do not offer the resolution asked for.</summary>
        ResolutionNotOffered,

        /// <summary>The window holds points of the other kind of series than the filters apply to.</summary>
        OtherKind,

        /// <summary>The window holds series, but none that the filters match.</summary>
        NoSeriesMatch,

        /// <summary>Every point is older than the window.</summary>
        AfterLastPoint,

        /// <summary>Every point is newer than the window.</summary>
        BeforeFirstPoint,

        /// <summary>There are points before and after the window, none in it.</summary>
        BetweenPoints,

        /// <summary>Nothing was found near the window either.</summary>
        NoPoints,
    }

    /// <summary>What a read that found no points learned about the metric: the reason, and the points nearest its window.</summary>
    public sealed class EmptyRead
    {
        internal EmptyRead(EmptyReadReason reason) => Reason = reason;

        public EmptyReadReason Reason { get; }

        /// <summary>The kind of series the probes found points in.</summary>
        public SeriesKind? DataKind { get; internal set; }

        /// <summary>The latest point before the window (UTC), when one was found.</summary>
        public DateTime? LatestBefore { get; internal set; }

        /// <summary>The first point after the window (UTC), when one was found.</summary>
        public DateTime? FirstAfter { get; internal set; }

        /// <summary>The series found in the window without the filters, in name order: source names or tag sets (<c>k=v,k2=v2</c>).</summary>
        public IReadOnlyList<string> Series { get; internal set; } = Array.Empty<string>();

        /// <summary>For <see cref="EmptyReadReason.ResolutionNotOffered"/>: the nearest resolution series by source offer.</summary>
        public int? OfferedResolution { get; internal set; }

        /// <summary>How far either side of the window tagged series were looked for.</summary>
        public static readonly TimeSpan TaggedProbeReach = TimeSpan.FromDays(7);
    }
}
