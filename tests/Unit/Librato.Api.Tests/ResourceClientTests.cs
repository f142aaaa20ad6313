using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>The annotation, space and chart parts of the client against a real emulator.</summary>
    public class ResourceClientTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture emulator;

        public ResourceClientTests(EmulatorFixture emulator)
        {
            this.emulator = emulator;
        }

        private static string Unique(string prefix) => prefix + "." + Guid.NewGuid().ToString("N").Substring(0, 12);

        [Fact]
        public async Task A_chart_keeps_every_field_and_stream_field_it_was_created_with()
        {
            using var client = emulator.CreateClient();
            var space = await client.CreateSpaceAsync(Unique("space"), tags: true);
            var related = await client.CreateSpaceAsync(Unique("related"));
            Assert.True(space.Tags);
            var chart = new LibratoChart
            {
                Name = "all fields",
                Type = LibratoChart.Stacked,
                Min = 1,
                Max = 9,
                Label = "ms",
                RelatedSpace = related.Id,
                UseLogYAxis = true,
                UseLastValue = false,
                Thresholds = new List<LibratoChartThreshold> { new LibratoChartThreshold(">", 5, "red") },
                Streams =
                {
                    new LibratoChartStream
                    {
                        Metric = "cpu",
                        Tags = new List<LibratoChartStreamTag> { new LibratoChartStreamTag("env", new[] { "prod" }, true, false) },
                        GroupFunction = "sum",
                        SummaryFunction = "max",
                        Name = "legend",
                        Color = "#123456",
                        UnitsShort = "ms",
                        UnitsLong = "milliseconds",
                        Min = 0,
                        Max = 100,
                        Period = 60,
                        TransformFunction = "x*2",
                        SplitAxis = true,
                        GapDetection = true,
                        Position = 1,
                    },
                    new LibratoChartStream { Composite = "s(\"cpu\", \"*\")", DownsampleFunction = "average" },
                },
            };

            var created = await client.CreateChartAsync(space.Id, chart);
            var read = await client.GetChartAsync(space.Id, created.Id);

            Assert.Equal(space.Id, read.SpaceId);
            Assert.Empty(ChartComparison.ChangedFields(read, chart));
            Assert.All(read.Streams, s => Assert.NotEqual(0, s.Id));
            Assert.Equal(new[] { "gauge", "composite" }, read.Streams.Select(s => s.Type));
            Assert.Equal(created.Id, (await client.ListChartsAsync(space.Id)).Single().Id);
        }

        [Fact]
        public async Task A_chart_update_changes_and_clears_fields_and_keeps_stream_ids()
        {
            using var client = emulator.CreateClient();
            var space = await client.CreateSpaceAsync(Unique("space"));
            var created = await client.CreateChartAsync(space.Id, new LibratoChart
            {
                Name = "cpu",
                Label = "%",
                Streams = { new LibratoChartStream { Metric = "cpu", Source = "*" } },
            });

            var streams = new List<LibratoChartStream>(created.Streams) { new LibratoChartStream { Metric = "foo", Source = "*" } };
            var update = new ChartUpdate { Name = "CPU", Min = 0, Streams = streams, KeepStreamIds = true };
            update.Clear.Add("label");
            var updated = await client.UpdateChartAsync(space.Id, created.Id, update);

            Assert.Equal("CPU", updated.Name);
            Assert.Equal(0, updated.Min);
            Assert.Null(updated.Label);
            Assert.Equal(created.Streams[0].Id, updated.Streams[0].Id);
            Assert.Equal("foo", updated.Streams[1].Metric);

            await client.DeleteChartAsync(space.Id, created.Id);
            var missing = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetChartAsync(space.Id, created.Id));
            Assert.Equal(LibratoErrorKind.NotFound, missing.Kind);
        }

        [Fact]
        public async Task Spaces_are_listed_by_name_renamed_and_deleted()
        {
            using var client = emulator.CreateClient();
            var name = Unique("Listed Space");
            var space = await client.CreateSpaceAsync(name);

            var page = await client.ListSpacesAsync(name.ToUpperInvariant());
            Assert.Equal(space.Id, page.Items.Single().Id);
            Assert.Equal(name, (await client.GetSpaceAsync(space.Id)).Name);

            await client.RenameSpaceAsync(space.Id, name + " renamed");
            Assert.Equal(name + " renamed", (await client.GetSpaceAsync(space.Id)).Name);

            await client.DeleteSpaceAsync(space.Id);
            var missing = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetSpaceAsync(space.Id));
            Assert.Equal(LibratoErrorKind.NotFound, missing.Kind);
        }

        [Fact]
        public async Task Annotations_are_created_read_by_time_and_source_changed_and_deleted()
        {
            using var client = emulator.CreateClient();
            var stream = Unique("deploys");
            var now = EpochTime.Now();
            var first = await client.CreateAnnotationAsync(stream, new NewAnnotation("build 1")
            {
                Source = "ci",
                Description = "first",
                StartTime = now - 100,
                EndTime = now - 90,
                Links = { new LibratoAnnotationLink("ci", "https://ci/1", "Build 1") },
            });
            var second = await client.CreateAnnotationAsync(stream, new NewAnnotation("build 2") { StartTime = now - 50 });

            Assert.Equal(stream, first.Stream);
            Assert.Equal("ci", first.Source);
            Assert.Equal(EpochTime.ToDateTime(now - 90), first.EndTime);
            Assert.Equal("Build 1", first.Links.Single().Label);

            var all = await client.GetAnnotationStreamAsync(stream, new AnnotationQuery { StartTime = now - 200 });
            Assert.Equal(new[] { first.Id, second.Id }, all.Events.Select(e => e.Id));
            var bySource = await client.GetAnnotationStreamAsync(stream, new AnnotationQuery { StartTime = now - 200, Sources = { "c*" } });
            Assert.Equal(first.Id, bySource.Events.Single().Id);
            Assert.Empty((await client.GetAnnotationStreamAsync(stream)).Events);

            await client.UpdateAnnotationAsync(stream, second.Id, new AnnotationUpdate { Title = "build 2 (done)", EndTime = now });
            await client.AddAnnotationLinkAsync(stream, second.Id, new LibratoAnnotationLink("log", "https://logs/2"));
            var changed = await client.GetAnnotationAsync(stream, second.Id);
            Assert.Equal("build 2 (done)", changed.Title);
            Assert.Equal(EpochTime.ToDateTime(now), changed.EndTime);
            Assert.Equal("log", changed.Links.Single().Rel);

            await client.RemoveAnnotationLinkAsync(stream, second.Id, "log");
            Assert.Empty((await client.GetAnnotationAsync(stream, second.Id)).Links);

            await client.UpdateAnnotationStreamAsync(stream, "Deploys");
            var listed = await client.ListAnnotationStreamsAsync(stream);
            Assert.Equal("Deploys", listed.Items.Single().DisplayName);

            await client.DeleteAnnotationAsync(stream, first.Id);
            var missing = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetAnnotationAsync(stream, first.Id));
            Assert.Equal(LibratoErrorKind.NotFound, missing.Kind);

            await client.DeleteAnnotationStreamAsync(stream);
            var gone = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetAnnotationStreamAsync(stream));
            Assert.Equal(LibratoErrorKind.NotFound, gone.Kind);
        }
    }
}
