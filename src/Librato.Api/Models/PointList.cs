using System.Collections.Generic;
using System.Globalization;

namespace Librato.Api
{
    /// <summary>The points read with a metric; as text (a CSV cell) how many there are, not a type name.</summary>
    public sealed class PointList : List<LibratoMeasurement>
    {
        public PointList()
        {
        }

        public PointList(IEnumerable<LibratoMeasurement> points)
            : base(points)
        {
        }

        public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + (Count == 1 ? " point" : " points");
    }
}
