using System.Text;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class SpaceJsonTests
    {
        [Fact]
        public void A_space_read_by_id_keeps_its_chart_ids_in_order()
        {
            var space = SpaceJson.Read(Encoding.UTF8.GetBytes("{\"name\":\"ops\",\"id\":7,\"charts\":[{\"id\":915},{\"id\":3},\"junk\",{\"name\":\"no id\"}]}"));

            Assert.Equal(7, space.Id);
            Assert.Equal("ops", space.Name);
            Assert.Equal(new long[] { 915, 3 }, space.ChartIds);
        }

        [Fact]
        public void A_space_without_charts_has_no_chart_ids_and_an_empty_list_stays_empty()
        {
            var listed = SpaceJson.ReadPage(Encoding.UTF8.GetBytes("{\"query\":{\"found\":1,\"total\":1,\"offset\":0,\"length\":1},\"spaces\":[{\"id\":1,\"name\":\"a\"}]}"));
            var empty = SpaceJson.Read(Encoding.UTF8.GetBytes("{\"id\":2,\"name\":\"b\",\"charts\":[]}"));

            Assert.Null(listed.Items[0].ChartIds);
            Assert.NotNull(empty.ChartIds);
            Assert.Empty(empty.ChartIds!);
        }
    }
}
