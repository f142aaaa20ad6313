using System.Collections.Generic;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class TagInheritanceTests
    {
        private static Dictionary<string, string> Tags(params string[] pairs)
        {
            var d = new Dictionary<string, string>();
            for (var i = 0; i < pairs.Length; i += 2)
            {
                d[pairs[i]] = pairs[i + 1];
            }

            return d;
        }

        [Fact]
        public void The_most_specific_level_with_tags_replaces_the_others()
        {
            var own = Tags("city", "austin");
            var queue = Tags("env", "prod");
            var session = Tags("region", "us");
            Assert.Same(own, TagInheritance.Resolve(false, own, queue, session));
            Assert.Same(queue, TagInheritance.Resolve(false, null, queue, session));
            Assert.Same(session, TagInheritance.Resolve(false, new Dictionary<string, string>(), null, session));
            Assert.Null(TagInheritance.Resolve(false, null, null));
        }

        [Fact]
        public void Inheriting_merges_with_the_more_specific_level_winning()
        {
            var merged = TagInheritance.Resolve(true, Tags("city", "austin"), Tags("env", "prod", "city", "x"), Tags("region", "us", "env", "dev"));
            Assert.Equal(Tags("city", "austin", "env", "prod", "region", "us"), merged);
        }

        [Fact]
        public void Counters_keep_only_their_own_tags()
        {
            var counter = new Measurement("c", 1) { Type = MetricType.Counter };
            TagInheritance.Apply(counter, true, Tags("env", "prod"));
            Assert.Null(counter.Tags);
            var gauge = new Measurement("g", 1);
            TagInheritance.Apply(gauge, false, Tags("env", "prod"));
            Assert.Equal("prod", gauge.Tags!["env"]);
        }
    }
}
