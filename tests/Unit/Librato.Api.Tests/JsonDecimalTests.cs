using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class JsonDecimalTests
    {
        [Theory]
        [InlineData(21.5, "21.5")]
        [InlineData(0.25, "0.25")]
        [InlineData(-0.5, "-0.5")]
        [InlineData(99.125, "99.125")]
        [InlineData(0.1, "0.1")]
        [InlineData(-123456.000001, "-123456.000001")]
        [InlineData(7d, "7")]
        public void Short_decimals_are_written_from_their_digits(double value, string expected)
        {
            Span<byte> text = stackalloc byte[32];
            var length = JsonDecimal.TryFormat(value, text);
            Assert.Equal(expected, Encoding.ASCII.GetString(text.Slice(0, length).ToArray()));
        }

        [Theory]
        [InlineData(1e-7)]
        [InlineData(Math.PI)]
        [InlineData(1e300)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Values_without_a_short_exact_form_are_left_to_the_general_formatting(double value)
        {
            Span<byte> text = stackalloc byte[32];
            Assert.Equal(0, JsonDecimal.TryFormat(value, text));
        }

        [Fact]
        public void Every_value_in_a_body_parses_back_to_the_same_double()
        {
            var random = new Random(20261206);
            var values = new List<double> { 0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1e15, 9007199254740991, 9007199254740993, 123.456, 1e-300, double.Epsilon, double.MaxValue / 1e200 };
            for (var i = 0; i < 20000; i++)
            {
                values.Add(Math.Round((random.NextDouble() - 0.5) * 1e6, random.Next(0, 8)));
                values.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20)));
                values.Add(random.Next() / 8.0);
            }

            var batch = values.Select((v, i) => new Measurement("m", v) { Time = 1700000000 + i }).ToList();
            using var doc = JsonDocument.Parse(BatchWriter.Legacy(batch).ToArray());
            var written = doc.RootElement.GetProperty("gauges").EnumerateArray().Select(g => g.GetProperty("value")).ToList();

            Assert.Equal(values.Count, written.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var text = written[i].GetRawText();
                Assert.True(
                    written[i].GetDouble().Equals(values[i]) || (values[i] == 0 && written[i].GetDouble() == 0),
                    $"{values[i].ToString("R", CultureInfo.InvariantCulture)} was written as {text}");
            }
        }

        [Fact]
        public void Whole_values_are_written_as_integers()
        {
            var body = Encoding.UTF8.GetString(BatchWriter.Legacy(new[] { new Measurement("m", 42) { Time = 1700000000 } }).ToArray());
            Assert.Contains("\"value\":42,", body);
        }
    }
}
