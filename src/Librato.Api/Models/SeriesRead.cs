using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>One answer to a tagged or composite read: its points, and where to continue when it was cut short.</summary>
    public sealed class SeriesRead
    {
        public SeriesRead(IReadOnlyList<LibratoMeasurement> points, int? resolution, string? next)
        {
            Points = points;
            Resolution = resolution;
            Next = next;
        }

        /// <summary>Every point of every series in the answer, series by series, each in time order.</summary>
        public IReadOnlyList<LibratoMeasurement> Points { get; }

        public int? Resolution { get; }

        /// <summary>The <c>rel: next</c> link, or null when nothing more follows.</summary>
        public string? Next { get; }
    }
}
