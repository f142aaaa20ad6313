using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>Services: the notification targets (<c>/v1/services</c>) that alerts send to.</summary>
    public sealed partial class LibratoClient
    {
        /// <summary>One page of <c>GET /v1/services</c>, ordered by title.</summary>
        public async Task<Page<LibratoService>> ListServicesAsync(
            int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = "v1/services" + new QueryString().Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => ServiceJson.ReadServicePage(response.Body));
        }

        /// <summary><c>GET /v1/services/:id</c>.</summary>
        public async Task<LibratoService> GetServiceAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = ServicePath(id);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => ServiceJson.ReadService(response.Body));
        }

        /// <summary><c>POST /v1/services</c> with a title, type and settings; returns the created service.</summary>
        public async Task<LibratoService> CreateServiceAsync(
            ServiceDefinition service, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(service.WriteProperties);
            var response = await transport.SendAsync(HttpMethod.Post, "v1/services", new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
            if (response.Body.Length == 0 && response.Location != null)
            {
                return await GetServiceAsync(IdFromLocation(response.Location), trace, cancellationToken).ConfigureAwait(false);
            }

            return Read("POST", "v1/services", () => ServiceJson.ReadService(response.Body));
        }

        /// <summary><c>PUT /v1/services/:id</c>: sends the fields that are set.</summary>
        public async Task UpdateServiceAsync(
            long id, ServiceDefinition service, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(service.WriteProperties);
            await transport.SendAsync(HttpMethod.Put, ServicePath(id), new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v1/services/:id</c>; the API also detaches the service from every alert.</summary>
        public async Task DeleteServiceAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, ServicePath(id), null, trace, cancellationToken).ConfigureAwait(false);

        private static string ServicePath(long id) => "v1/services/" + id.ToString(CultureInfo.InvariantCulture);
    }
}
