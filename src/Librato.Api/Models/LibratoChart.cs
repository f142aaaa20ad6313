using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A chart of a space. Optional fields are null when not set.</summary>
    public sealed class LibratoChart
    {
        public const string Line = "line";
        public const string Stacked = "stacked";
        public const string BigNumber = "bignumber";

        public long Id { get; set; }

        /// <summary>The space the chart belongs to; the API does not send it, the client fills it in.</summary>
        public long SpaceId { get; set; }

        public string Name { get; set; } = string.Empty;

        /// <summary>line, stacked or bignumber.</summary>
        public string Type { get; set; } = Line;

        public IList<LibratoChartStream> Streams { get; set; } = new List<LibratoChartStream>();

        public double? Min { get; set; }

        public double? Max { get; set; }

        /// <summary>The Y axis label.</summary>
        public string? Label { get; set; }

        /// <summary>The id of a space the chart links to.</summary>
        public long? RelatedSpace { get; set; }

        /// <summary>Big-number thresholds; null for none.</summary>
        public IList<LibratoChartThreshold>? Thresholds { get; set; }

        public bool? UseLogYAxis { get; set; }

        public bool? UseLastValue { get; set; }

        public override string ToString() => Name;
    }
}
