namespace Librato.Api
{
    /// <summary>A big-number threshold such as <c>{"operator":">","value":90,"type":"red"}</c>.</summary>
    public sealed class LibratoChartThreshold
    {
        public LibratoChartThreshold()
        {
        }

        public LibratoChartThreshold(string @operator, double value, string type)
        {
            Operator = @operator;
            Value = value;
            Type = type;
        }

        /// <summary>&gt;, &gt;=, &lt;, &lt;=, =, == or !=.</summary>
        public string Operator { get; set; } = ">";

        public double Value { get; set; }

        /// <summary>The colour the number takes past the threshold, such as red or yellow.</summary>
        public string Type { get; set; } = string.Empty;

        public override string ToString() => Operator + " " + Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Type;
    }
}
