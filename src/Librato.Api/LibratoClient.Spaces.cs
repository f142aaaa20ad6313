using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>Spaces and their charts.</summary>
    public sealed partial class LibratoClient
    {
        /// <summary>One page of <c>GET /v1/spaces</c>; <paramref name="nameFilter"/> keeps names containing it, ignoring case.</summary>
        public async Task<Page<LibratoSpace>> ListSpacesAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, "v1/spaces" + query, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", "v1/spaces", () => SpaceJson.ReadPage(response.Body));
        }

        /// <summary><c>GET /v1/spaces/:id</c>.</summary>
        public async Task<LibratoSpace> GetSpaceAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = SpacePath(id);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => SpaceJson.Read(response.Body));
        }

        /// <summary><c>POST /v1/spaces</c>; <paramref name="tags"/> is the "tagged space" flag, sent only when given.</summary>
        public async Task<LibratoSpace> CreateSpaceAsync(
            string name, bool? tags = null, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var response = await transport.SendAsync(HttpMethod.Post, "v1/spaces", new RequestBody(SpaceJson.Write(name, tags)), trace, cancellationToken)
                .ConfigureAwait(false);
            return Read("POST", "v1/spaces", () => SpaceJson.Read(response.Body));
        }

        /// <summary><c>PUT /v1/spaces/:id</c>: renames the space.</summary>
        public async Task RenameSpaceAsync(long id, string name, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Put, SpacePath(id), new RequestBody(SpaceJson.Write(name, null)), trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>DELETE /v1/spaces/:id</c>: the space and its charts.</summary>
        public async Task DeleteSpaceAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, SpacePath(id), null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>GET /v1/spaces/:id/charts</c>: every chart of the space, in the API's order.</summary>
        public async Task<IReadOnlyList<LibratoChart>> ListChartsAsync(long spaceId, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = SpacePath(spaceId) + "/charts";
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => ChartJson.ReadList(response.Body, spaceId));
        }

        /// <summary><c>GET /v1/spaces/:id/charts/:chart_id</c>.</summary>
        public async Task<LibratoChart> GetChartAsync(long spaceId, long chartId, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = ChartPath(spaceId, chartId);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => ChartJson.Read(response.Body, spaceId));
        }

        /// <summary><c>POST /v1/spaces/:id/charts</c>: creates the chart with every field set on it and its streams.</summary>
        public async Task<LibratoChart> CreateChartAsync(
            long spaceId, LibratoChart chart, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = SpacePath(spaceId) + "/charts";
            var response = await transport.SendAsync(HttpMethod.Post, path, new RequestBody(ChartJson.WriteCreate(chart)), trace, cancellationToken)
                .ConfigureAwait(false);
            return Read("POST", path, () => ChartJson.Read(response.Body, spaceId));
        }

        /// <summary>
        /// <c>PUT /v1/spaces/:id/charts/:chart_id</c>. The API answers with the updated chart (200) or, in its older
        /// form, with no body (204), in which case the chart is read back.
        /// </summary>
        public async Task<LibratoChart> UpdateChartAsync(
            long spaceId, long chartId, ChartUpdate update, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = ChartPath(spaceId, chartId);
            var response = await transport.SendAsync(HttpMethod.Put, path, new RequestBody(ChartJson.WriteUpdate(update)), trace, cancellationToken)
                .ConfigureAwait(false);
            if (response.Body.Length == 0)
            {
                return await GetChartAsync(spaceId, chartId, trace, cancellationToken).ConfigureAwait(false);
            }

            return Read("PUT", path, () => ChartJson.Read(response.Body, spaceId));
        }

        /// <summary><c>DELETE /v1/spaces/:id/charts/:chart_id</c>.</summary>
        public async Task DeleteChartAsync(long spaceId, long chartId, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, ChartPath(spaceId, chartId), null, trace, cancellationToken).ConfigureAwait(false);

        private static string SpacePath(long id) => "v1/spaces/" + id.ToString(CultureInfo.InvariantCulture);

        private static string ChartPath(long spaceId, long chartId) => SpacePath(spaceId) + "/charts/" + chartId.ToString(CultureInfo.InvariantCulture);
    }
}
