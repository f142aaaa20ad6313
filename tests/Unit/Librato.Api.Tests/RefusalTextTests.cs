using System.Linq;
using Librato.PowerShell;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>How a refused request reads on screen: the action in words, the API's complaint, what to do next.</summary>
    public class RefusalTextTests
    {
        private static string? Explain(string method, string path, params string[] errors) =>
            RefusalText.Explain(new LibratoApiException(LibratoErrorKind.InvalidRequest, method, path, 400, errors));

        [Theory]
        [InlineData("PUT", "v1/metrics/cpu.load", "create or update metric 'cpu.load'")]
        [InlineData("DELETE", "v1/metrics/cpu.load", "delete metric 'cpu.load'")]
        [InlineData("PUT", "v1/metrics", "update the metrics")]
        [InlineData("GET", "v1/metrics?offset=0&length=100", "list metrics")]
        [InlineData("POST", "v1/alerts", "create the alert")]
        [InlineData("PUT", "v1/alerts/12", "update alert 12")]
        [InlineData("POST", "v1/alerts/12/services", "add a service to alert 12")]
        [InlineData("POST", "v1/spaces/7/charts", "add a chart to space 7")]
        [InlineData("PUT", "v1/spaces/7/charts/9", "update chart 9 of space 7")]
        [InlineData("POST", "v1/services", "create the service")]
        [InlineData("POST", "v1/annotations/deploys", "add an annotation to annotation stream 'deploys'")]
        [InlineData("PUT", "v1/annotations/deploys/5", "update annotation 5 of annotation stream 'deploys'")]
        [InlineData("POST", "v1/annotations/deploys/5/links", "add a link to annotation 5 of annotation stream 'deploys'")]
        [InlineData("PUT", "v1/sources/web%201", "create or update source 'web 1'")]
        [InlineData("GET", "v1/metrics?compose=sum(s(%22x%22%2C%22*%22))&resolution=60", "compute the composite")]
        public void Names_the_action_in_words_without_the_route(string method, string path, string action)
        {
            var text = Explain(method, path, "title: is not present");

            Assert.StartsWith("Librato refused to " + action + ": the title is not present.", text);
            Assert.DoesNotContain("v1/", text);
            Assert.DoesNotContain("400", text);
        }

        [Fact]
        public void Says_which_fields_to_correct_when_it_knows_no_better_fix()
        {
            var text = Explain("PUT", "v1/metrics/cpu", "attributes.display_max: is not a number", "period: is not an integer");

            Assert.Equal(
                "Librato refused to create or update metric 'cpu': the attributes display max is not a number; the period is not an integer. " +
                "Correct the attributes display max and the period, then run the command again.",
                text);
        }

        [Fact]
        public void Gives_the_metric_name_rules_and_the_commands_that_make_a_valid_name()
        {
            var text = Explain("PUT", "v1/metrics/bad%20name%21", "name: 'bad name!' is not a valid metric name");

            Assert.Equal(
                "Librato refused to create or update the metric. 'bad name!' is not a valid metric name: it has a space, '!', and a metric " +
                "name takes only the characters A-Z a-z 0-9 . : - _. " + RefusalText.MetricNameFix,
                text);
        }

        [Fact]
        public void Shortens_a_long_name_and_gives_its_length_and_the_limit()
        {
            var name = new string('a', 150) + new string('b', 150);

            var text = Explain("PUT", "v1/metrics/" + name, "name: is invalid")!;

            Assert.Contains("is 300 characters long; a metric name has at most 255", text);
            Assert.DoesNotContain(new string('a', 40), text);
            Assert.True(text.Length < 400, text);
        }

        [Fact]
        public void Cuts_a_long_echoed_value_in_the_middle_with_its_length()
        {
            var text = Explain("POST", "v1/alerts", "description: '" + new string('x', 5000) + "' is too long")!;

            Assert.Contains("\u2026xxxxxxxxxxxxxxxxxxxxxxxxxxxxx (5000 characters)' is too long", text);
            Assert.True(text.Length < 300, text);
        }

        [Theory]
        [InlineData("v1/annotations/bad%20stream", "put other text in the annotation's -Title")]
        [InlineData("v1/alerts", "An alert's name is 1 to 255 of the characters")]
        public void Gives_the_name_rules_of_other_objects(string path, string fix)
        {
            Assert.Contains(fix, Explain("POST", path, "name: is invalid"));
        }

        [Theory]
        [InlineData("start_time: must be before end_time", "Give a -StartTime before the -EndTime.")]
        [InlineData("measure_time: is too far in the past", "Give a time between a year ago and a few minutes from now.")]
        [InlineData("The requested data resolution is unavailable for the given time range. Please try a different resolution.", "Leave -Resolution out")]
        public void Gives_the_fix_for_windows_and_times(string error, string fix)
        {
            Assert.Contains(fix, Explain("GET", "v1/metrics/cpu?start_time=1", error));
        }

        [Fact]
        public void Leaves_submissions_credentials_and_missing_objects_to_their_own_texts()
        {
            Assert.Null(Explain("POST", "v1/metrics", "gauges[0].name: is invalid"));
            Assert.Null(Explain("POST", "v1/measurements", "measurements[0].name: is invalid"));
            foreach (var kind in new[] { LibratoErrorKind.Unauthorized, LibratoErrorKind.NotFound, LibratoErrorKind.ServerError, LibratoErrorKind.Connection })
            {
                Assert.Null(RefusalText.Explain(new LibratoApiException(kind, "PUT", "v1/metrics/x", kind == LibratoErrorKind.Connection ? null : 400, new[] { "x: y" })));
            }
        }

        [Fact]
        public void Keeps_the_route_and_status_in_the_exception_and_shows_the_words_as_the_error_details()
        {
            var ex = new LibratoApiException(LibratoErrorKind.InvalidRequest, "PUT", "v1/spaces/3", 400, new[] { "name: is not present" });

            var record = ApiErrors.ToRecord(ex, "target");

            Assert.Contains("400", record.Exception.Message);
            Assert.Contains("PUT v1/spaces/3", record.Exception.Message);
            Assert.Equal("Librato refused to update space 3: the name is not present. Correct the name, then run the command again.", record.ErrorDetails.Message);
            Assert.Equal(ErrorIds.InvalidRequest, record.FullyQualifiedErrorId.Split(',').First());
        }
    }
}
