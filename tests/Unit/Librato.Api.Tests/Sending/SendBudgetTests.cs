using System;
using System.Net;
using System.Net.Http;
using System.Text;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests.Sending
{
    public class SendBudgetTests
    {
        private static LibratoApiException Error(LibratoErrorKind kind) =>
            new LibratoApiException(kind, "POST", "v1/metrics", kind == LibratoErrorKind.ServerError ? 503 : (int?)null, new[] { "down" });

        [Fact]
        public void Before_the_deadline_every_batch_has_the_full_retries_even_after_a_failure()
        {
            var clock = ApiScript.Clock();
            var budget = new SendBudget(clock, TimeSpan.FromSeconds(60));
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(60), budget.Deadline);
            Assert.Equal(TimeSpan.FromSeconds(60), budget.MaxDuration);
            Assert.Null(budget.Policy().MaxRetries);
            budget.Failed(Error(LibratoErrorKind.ServerError));
            Assert.True(budget.IsFailing);
            Assert.True(budget.MayAttempt(out var reason));
            Assert.Null(reason);
            Assert.Null(budget.Policy().MaxRetries);
            Assert.Equal(budget.Deadline, budget.Policy().Deadline);
        }

        [Fact]
        public void Past_the_deadline_there_are_no_retries_and_after_a_failure_no_attempts_until_one_succeeds()
        {
            var clock = ApiScript.Clock();
            var budget = new SendBudget(clock, TimeSpan.FromSeconds(60));
            clock.Advance(TimeSpan.FromSeconds(59));
            Assert.False(budget.IsPastDeadline);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(budget.IsPastDeadline);
            Assert.Equal(0, budget.Policy().MaxRetries);
            Assert.True(budget.MayAttempt(out _));

            var failure = Error(LibratoErrorKind.ServerError);
            budget.Failed(failure);
            Assert.False(budget.MayAttempt(out var reason));
            Assert.Same(failure, reason);
            Assert.Equal("not sent: the run's time limit of 60 s has passed and the API is failing (" + failure.Message + ")", budget.Describe(failure));

            budget.Succeeded();
            Assert.False(budget.IsFailing);
            Assert.True(budget.MayAttempt(out _));
        }

        [Fact]
        public void Without_a_limit_there_is_no_deadline()
        {
            var clock = ApiScript.Clock();
            var budget = new SendBudget(clock, null);
            clock.Advance(TimeSpan.FromDays(3));
            Assert.Null(budget.Deadline);
            Assert.False(budget.IsPastDeadline);
            budget.Failed(Error(LibratoErrorKind.Timeout));
            Assert.True(budget.MayAttempt(out _));
            Assert.Null(budget.Policy().Deadline);
        }

        [Fact]
        public void A_queue_stops_at_the_first_failure()
        {
            var budget = new SendBudget(ApiScript.Clock(), TimeSpan.FromSeconds(60), stopAfterFailure: true);
            Assert.True(budget.MayAttempt(out _));
            var failure = Error(LibratoErrorKind.Connection);
            budget.Failed(failure);
            Assert.False(budget.MayAttempt(out var reason));
            Assert.Same(failure, reason);
            Assert.StartsWith("not sent: an earlier batch of this submission failed (", budget.Describe(failure));
        }

        [Theory]
        [InlineData(LibratoErrorKind.Unauthorized)]
        [InlineData(LibratoErrorKind.Forbidden)]
        [InlineData(LibratoErrorKind.Redirected)]
        [InlineData(LibratoErrorKind.CertificateInvalid)]
        [InlineData(LibratoErrorKind.ProxyAuthenticationFailed)]
        public void A_session_problem_stops_every_later_attempt_for_good(LibratoErrorKind kind)
        {
            var budget = new SendBudget(ApiScript.Clock(), null);
            var failure = Error(kind);
            budget.Failed(failure);
            budget.Succeeded();
            Assert.False(budget.MayAttempt(out var reason));
            Assert.Same(failure, reason);
            Assert.Same(failure, budget.StoppedBy);
            Assert.StartsWith("not sent: an earlier request of this run failed in a way every request would (", budget.Describe(failure));
            budget.Failed(Error(LibratoErrorKind.Unauthorized));
            Assert.Same(failure, budget.StoppedBy);
        }

        [Fact]
        public void Any_failure_can_stop_the_run_when_asked()
        {
            var budget = new SendBudget(ApiScript.Clock(), null);
            var notFound = Error(LibratoErrorKind.NotFound);
            budget.Failed(notFound, stop: true);
            Assert.Same(notFound, budget.StoppedBy);
            Assert.False(budget.MayAttempt(out _));
        }
    }

    public class SubmitAnswerTests
    {
        private static ApiResponse Answer(int status, string body, string? type = "application/json") =>
            new ApiResponse((HttpStatusCode)status, Encoding.UTF8.GetBytes(body), null, type);

        [Theory]
        [InlineData(200, "", null)]
        [InlineData(200, "{}", "application/json")]
        [InlineData(202, "{\"errors\":[]}", "application/json")]
        [InlineData(200, "{}", "application/problem+json")]
        [InlineData(200, "{}", "text/json")]
        [InlineData(200, "{}", "APPLICATION/JSON")]
        public void The_legacy_route_takes_nothing_or_an_object(int status, string body, string? type) =>
            Assert.Null(SubmitAnswer.CheckLegacy(Answer(status, body, type)));

        [Theory]
        [InlineData(200, "<html/>", "text/html", "'text/html'")]
        [InlineData(200, "{}", null, "a body without a content type")]
        [InlineData(200, "[]", "application/json", "a JSON array")]
        [InlineData(200, "1", "application/json", "a JSON number")]
        [InlineData(200, "nope", "application/json", "a body that is not JSON")]
        [InlineData(200, "{\"errors\":\"bad\"}", "application/json", "'errors' that is not a list")]
        public void The_legacy_route_refuses_anything_else(int status, string body, string? type, string what)
        {
            var problem = SubmitAnswer.CheckLegacy(Answer(status, body, type));
            Assert.StartsWith($"the {status} answer was {what} (", problem);
            Assert.EndsWith("not the API's answer (an empty body or a JSON object); nothing is counted as stored: a proxy or another server may have answered", problem);
        }

        [Fact]
        public void The_tagged_route_takes_a_summary_of_the_batch_sent()
        {
            Assert.Null(SubmitAnswer.CheckTagged(Answer(202, "{\"measurements\":{\"summary\":{\"total\":3}},\"errors\":[]}"), 3));
            Assert.Null(SubmitAnswer.CheckTagged(Answer(204, "", null), 3));
            Assert.Null(SubmitAnswer.CheckTagged(Answer(202, "{\"errors\":null}"), 3));
            Assert.Null(SubmitAnswer.CheckTagged(Answer(202, "{\"measurements\":{}}"), 3));
            Assert.Contains("a summary of 2 measurements where 3 were sent", SubmitAnswer.CheckTagged(Answer(202, "{\"measurements\":{\"summary\":{\"total\":2}}}"), 3));
            Assert.Contains("a summary of 3.5 measurements where 3 were sent", SubmitAnswer.CheckTagged(Answer(202, "{\"measurements\":{\"summary\":{\"total\":3.5}}}"), 3));
            Assert.StartsWith("the 202 answer was an empty body (empty)", SubmitAnswer.CheckTagged(Answer(202, "", null), 3));
            Assert.StartsWith("the 200 answer was a JSON string", SubmitAnswer.CheckTagged(Answer(200, "\"ok\""), 3));
        }

        [Fact]
        public void A_long_body_is_quoted_in_part()
        {
            var problem = SubmitAnswer.CheckLegacy(Answer(200, new string('x', 100) + "\n", "text/plain"));
            Assert.Contains("101 bytes: \"" + new string('x', 60) + "...\"", problem);
        }
    }
}
