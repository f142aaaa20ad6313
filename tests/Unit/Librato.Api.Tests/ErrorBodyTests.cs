using System.Text;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class ErrorBodyTests
    {
        private static LibratoApiException Parse(int status, string body) =>
            ErrorBody.ToException("POST", "v1/metrics", status, Encoding.UTF8.GetBytes(body));

        [Fact]
        public void Params_errors_are_labelled_by_field()
        {
            var ex = Parse(400, "{\"errors\":{\"params\":{\"name\":[\"is not present\"],\"start_time\":[\"is not a number\"]}}}");
            Assert.Equal(LibratoErrorKind.InvalidRequest, ex.Kind);
            Assert.Equal(new[] { "name: is not present", "start_time: is not a number" }, ex.ApiErrors);
            Assert.Contains("400", ex.Message);
            Assert.Contains("name: is not present", ex.Message);
        }

        [Fact]
        public void Request_errors_may_be_a_string_instead_of_an_array()
        {
            var ex = Parse(400, "{\"errors\":{\"request\":\"The requested data resolution is unavailable.\"}}");
            Assert.Equal(new[] { "The requested data resolution is unavailable." }, ex.ApiErrors);
        }

        [Fact]
        public void A_bare_errors_array_is_read()
        {
            var ex = Parse(403, "{\"errors\":[\"Tag based measurements are not enabled for this account.\"]}");
            Assert.Equal(LibratoErrorKind.Forbidden, ex.Kind);
            Assert.Single(ex.ApiErrors);
        }

        [Fact]
        public void The_historical_403_rate_limit_body_is_a_rate_limit()
        {
            var ex = Parse(403, "{\"request_time\":1467306906,\"error\":\"You have hit the API limit for measurements [measure:raw_rate].\"}");
            Assert.Equal(LibratoErrorKind.RateLimited, ex.Kind);
        }

        [Theory]
        [InlineData(401, LibratoErrorKind.Unauthorized)]
        [InlineData(404, LibratoErrorKind.NotFound)]
        [InlineData(415, LibratoErrorKind.InvalidRequest)]
        [InlineData(422, LibratoErrorKind.InvalidRequest)]
        [InlineData(429, LibratoErrorKind.RateLimited)]
        [InlineData(500, LibratoErrorKind.ServerError)]
        [InlineData(503, LibratoErrorKind.ServerError)]
        public void Statuses_map_to_kinds(int status, LibratoErrorKind kind)
        {
            Assert.Equal(kind, Parse(status, "{\"errors\":{\"system\":[\"x\"]}}").Kind);
        }

        [Fact]
        public void A_non_json_client_error_says_what_came_back()
        {
            var ex = Parse(400, "<html><body>Bad gateway config</body></html>");
            Assert.Contains("not the API's JSON", ex.Message);
            Assert.Contains("<html>", ex.Message);
        }

        [Fact]
        public void An_empty_client_error_says_its_status_and_nothing_about_a_body()
        {
            var ex = Parse(422, string.Empty);
            Assert.Empty(ex.ApiErrors);
            Assert.Contains("422", ex.Message);
            Assert.DoesNotContain("JSON", ex.Message);
        }

        [Fact]
        public void An_empty_body_still_gives_a_message()
        {
            var ex = Parse(503, string.Empty);
            Assert.Empty(ex.ApiErrors);
            Assert.Contains("503", ex.Message);
        }
    }
}
