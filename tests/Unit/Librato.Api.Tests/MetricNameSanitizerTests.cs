using System.Text.RegularExpressions;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MetricNameSanitizerTests
    {
        // The original client's rule: runs of characters outside A-Za-z0-9.:-_ become one '-', then cut to 255.
        private static string Original(string name)
        {
            var replaced = Regex.Replace(name, @"(([^A-Za-z0-9.:\-_]|[\[\]]|\s)+)", "-");
            return replaced.Length > 255 ? replaced.Substring(0, 255) : replaced;
        }

        [Theory]
        [InlineData("cpu.idle")]
        [InlineData("has space")]
        [InlineData("many   spaces\tand\ttabs")]
        [InlineData("brackets[0]")]
        [InlineData("ümlaut.größe")]
        [InlineData("emoji 🚀 rocket")]
        [InlineData("% processor time")]
        [InlineData("a/b\\c|d")]
        [InlineData("--already-dashed--")]
        [InlineData("")]
        [InlineData("!!!")]
        [InlineData("trailing!")]
        public void Matches_the_original_rule(string name) =>
            Assert.Equal(Original(name), MetricNameSanitizer.Sanitize(name));

        [Fact]
        public void Cuts_to_255_characters()
        {
            var name = new string('a', 300);
            Assert.Equal(255, MetricNameSanitizer.Sanitize(name).Length);
            var mixed = string.Concat(System.Linq.Enumerable.Repeat("ab cd ", 80));
            Assert.Equal(Original(mixed), MetricNameSanitizer.Sanitize(mixed));
        }

        [Fact]
        public void The_result_is_always_valid_unless_empty()
        {
            foreach (var name in new[] { "x y", "ü", "a\u0000b", "tab\t" })
            {
                Assert.True(MeasurementValidator.IsValidMetricName(MetricNameSanitizer.Sanitize(name)), name);
            }
        }
    }
}
