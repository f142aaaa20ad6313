using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// A space with all its charts and streams, as a file holds it to recreate the space in another account:
    /// no ids, and the related space of a chart by name, since ids differ between accounts.
    /// </summary>
    public sealed class SpaceDefinition
    {
        /// <summary>The value of the document's <c>format</c> field.</summary>
        public const string FormatName = "librato.space";

        /// <summary>The newest document version this library reads and the one it writes.</summary>
        public const int CurrentVersion = 1;

        public string Name { get; set; } = string.Empty;

        public bool? Tags { get; set; }

        public IList<ChartDefinition> Charts { get; set; } = new List<ChartDefinition>();

        /// <summary>Reads a document written by <see cref="ToJson"/> (or by hand); throws FormatException naming the bad field.</summary>
        public static SpaceDefinition Parse(string json) => SpaceDefinitionJson.Read(json);

        /// <summary>Indented JSON with a stable field order, so that exports of an unchanged space are identical.</summary>
        public string ToJson() => SpaceDefinitionJson.Write(this);

        public override string ToString() => Name;
    }

    /// <summary>A chart of a <see cref="SpaceDefinition"/>: the chart without ids, and its related space by name.</summary>
    public sealed class ChartDefinition
    {
        public ChartDefinition(LibratoChart chart, string? relatedSpaceName = null)
        {
            Chart = chart;
            RelatedSpaceName = relatedSpaceName;
        }

        /// <summary>The chart; its <see cref="LibratoChart.RelatedSpace"/> is not used, see <see cref="RelatedSpaceName"/>.</summary>
        public LibratoChart Chart { get; }

        public string? RelatedSpaceName { get; }

        public override string ToString() => Chart.Name;
    }
}
