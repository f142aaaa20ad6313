using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class SpaceDefinitionTests
    {
        private static SpaceDefinition Sample()
        {
            var definition = new SpaceDefinition { Name = "Production \"main\" <ops>", Tags = true };
            definition.Charts.Add(new ChartDefinition(
                new LibratoChart
                {
                    Name = "memory",
                    Min = 0,
                    Max = 50,
                    Label = "GB",
                    UseLogYAxis = true,
                    Thresholds = new List<LibratoChartThreshold> { new LibratoChartThreshold(">=", 90.5, "red") },
                    Streams =
                    {
                        new LibratoChartStream { Metric = "memory.used", Source = "*", GroupFunction = "breakout", Color = "#112233", SplitAxis = false },
                        new LibratoChartStream { Composite = "s(\"a\", \"*\")", DownsampleFunction = "max" },
                    },
                },
                "Databases"));
            definition.Charts.Add(new ChartDefinition(new LibratoChart { Name = "big", Type = LibratoChart.BigNumber, UseLastValue = true }));
            return definition;
        }

        [Fact]
        public void A_definition_reads_back_field_by_field()
        {
            var json = Sample().ToJson();
            var read = SpaceDefinition.Parse(json);

            Assert.Equal("Production \"main\" <ops>", read.Name);
            Assert.True(read.Tags);
            Assert.Equal(2, read.Charts.Count);
            var memory = read.Charts[0];
            Assert.Equal("Databases", memory.RelatedSpaceName);
            Assert.Empty(ChartComparison.ChangedFields(Sample().Charts[0].Chart, memory.Chart));
            Assert.Equal(LibratoChart.BigNumber, read.Charts[1].Chart.Type);
            Assert.Null(read.Charts[1].RelatedSpaceName);
            Assert.Equal(json, read.ToJson());
        }

        [Fact]
        public void The_document_is_readable_and_carries_no_ids()
        {
            var definition = Sample();
            definition.Charts[0].Chart.Id = 12;
            definition.Charts[0].Chart.Streams[0].Id = 13;
            var json = definition.ToJson();

            Assert.Contains("\"format\": \"librato.space\"", json);
            Assert.Contains("\"related_space\": \"Databases\"", json);
            Assert.Contains("s(\\\"a\\\", \\\"*\\\")", json);
            Assert.Contains("\">=\"", json);
            Assert.DoesNotContain("\"id\"", json);
        }

        [Theory]
        [InlineData("{\"format\":\"something\",\"version\":1,\"name\":\"x\"}", "format")]
        [InlineData("{\"format\":\"librato.space\",\"version\":2,\"name\":\"x\"}", "version 2")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1}", "'name' is required")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"colour\":1}", "'colour' is not a known field")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"min\":\"low\"}]}", "'charts[0].min' must be a number")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"type\":\"pie\"}]}", "'charts[0].type'")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"streams\":[{\"source\":\"*\"}]}]}", "'charts[0].streams[0]' needs a metric or a composite")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"streams\":[{\"metric\":\"m\",\"sumary_function\":\"max\"}]}]}", "'charts[0].streams[0].sumary_function' is not a known field")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"related_space\":12}]}", "'charts[0].related_space' must be a string")]
        [InlineData("{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"name\":\"c\",\"thresholds\":[{\"operator\":\">\",\"type\":\"red\"}]}]}", "'charts[0].thresholds[0].value' is required")]
        [InlineData("{\"format\":\"librato.space\",", "not valid JSON")]
        public void A_bad_document_is_refused_with_the_field_named(string json, string message)
        {
            var ex = Assert.Throws<FormatException>(() => SpaceDefinition.Parse(json));
            Assert.Contains(message, ex.Message);
        }

        [Fact]
        public void Ids_in_a_hand_written_document_are_ignored()
        {
            var read = SpaceDefinition.Parse(
                "{\"format\":\"librato.space\",\"version\":1,\"name\":\"x\",\"charts\":[{\"id\":5,\"name\":\"c\",\"streams\":[{\"id\":6,\"type\":\"gauge\",\"metric\":\"m\"}]}]}");
            Assert.Equal(0, read.Charts[0].Chart.Id);
            Assert.Equal(0, read.Charts[0].Chart.Streams[0].Id);
            Assert.Null(read.Charts[0].Chart.Streams[0].Type);
        }
    }
}
