using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class AnnotationJsonTests
    {
        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        [Fact]
        public void Events_keyed_by_source_come_back_as_one_list_in_start_time_order()
        {
            var stream = AnnotationJson.ReadStream(Utf8(
                "{\"name\":\"deploys\",\"display_name\":\"Deploys\",\"events\":{" +
                "\"unassigned\":[{\"id\":3,\"title\":\"c\",\"description\":null,\"source\":null,\"start_time\":300,\"end_time\":null,\"links\":[]}]," +
                "\"web-1\":[{\"id\":1,\"title\":\"a\",\"start_time\":100,\"end_time\":150,\"links\":[{\"rel\":\"ci\",\"href\":\"https://ci/1\",\"label\":null}]}," +
                "{\"id\":2,\"title\":\"b\",\"source\":\"web-1\",\"start_time\":100,\"end_time\":null,\"links\":[]}]}}"), "deploys");

            Assert.Equal("Deploys", stream.DisplayName);
            Assert.Equal(new long[] { 1, 2, 3 }, stream.Events.Select(e => e.Id));
            Assert.All(stream.Events, e => Assert.Equal("deploys", e.Stream));
            Assert.Equal("web-1", stream.Events[0].Source);
            Assert.Null(stream.Events[2].Source);
            Assert.Equal(EpochTime.ToDateTime(150), stream.Events[0].EndTime);
            Assert.Equal(TimeSpan.FromSeconds(50), stream.Events[0].Duration);
            Assert.Null(stream.Events[1].EndTime);
            Assert.Null(stream.Events[1].Duration);
            Assert.Equal("ci", stream.Events[0].Links.Single().Rel);
            Assert.Equal("https://ci/1", stream.Events[0].Links.Single().Href);
        }

        [Fact]
        public void Events_wrapped_in_an_array_as_some_documentation_shows_are_read_too()
        {
            var stream = AnnotationJson.ReadStream(Utf8(
                "{\"name\":\"api.pushes\",\"display_name\":null,\"events\":[{\"unassigned\":[{\"id\":9,\"title\":\"x\",\"start_time\":5}]}]}"), "api.pushes");

            Assert.Equal(9, stream.Events.Single().Id);
            Assert.Null(stream.Events.Single().Source);
        }

        [Fact]
        public void A_stream_without_events_has_an_empty_list()
        {
            var stream = AnnotationJson.ReadStream(Utf8("{\"name\":\"s\",\"display_name\":\"s\"}"), "s");
            Assert.Empty(stream.Events);
            Assert.Throws<MalformedBodyException>(() => AnnotationJson.ReadStream(Utf8("[1]"), "s"));
        }

        [Fact]
        public void A_new_event_sends_what_is_set_and_an_update_only_what_changes()
        {
            var created = JsonDocument.Parse(AnnotationJson.WriteNew(new NewAnnotation("build 42")
            {
                Source = "ci",
                StartTime = 10,
                Links = { new LibratoAnnotationLink("travis", "https://travis/42") },
            })).RootElement;
            Assert.Equal(new[] { "title", "source", "start_time", "links" }, created.EnumerateObject().Select(p => p.Name));
            var link = created.GetProperty("links")[0];
            Assert.Equal(new[] { "rel", "href" }, link.EnumerateObject().Select(p => p.Name));

            var updated = JsonDocument.Parse(AnnotationJson.WriteUpdate(new AnnotationUpdate { EndTime = 20 })).RootElement;
            Assert.Equal(new[] { "end_time" }, updated.EnumerateObject().Select(p => p.Name));
            var cleared = JsonDocument.Parse(AnnotationJson.WriteUpdate(new AnnotationUpdate { Links = new LibratoAnnotationLink[0] })).RootElement;
            Assert.Equal(0, cleared.GetProperty("links").GetArrayLength());
        }
    }
}
