using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>Annotation streams, their events and the events' links.</summary>
    public sealed partial class LibratoClient
    {
        /// <summary>One page of <c>GET /v1/annotations</c>; <paramref name="nameFilter"/> keeps names containing it, ignoring case.</summary>
        public async Task<Page<LibratoAnnotationStream>> ListAnnotationStreamsAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, "v1/annotations" + query, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", "v1/annotations", () => AnnotationJson.ReadStreamPage(response.Body));
        }

        /// <summary>
        /// <c>GET /v1/annotations/:name</c>: the stream, and with a query its events in start-time order.
        /// </summary>
        public async Task<LibratoAnnotationStream> GetAnnotationStreamAsync(
            string name, AnnotationQuery? query = null, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString();
            query?.AppendTo(qs);
            var path = AnnotationPath(name);
            var response = await transport.SendAsync(HttpMethod.Get, path + qs, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AnnotationJson.ReadStream(response.Body, name));
        }

        /// <summary><c>PUT /v1/annotations/:name</c>: sets the stream's display name.</summary>
        public async Task UpdateAnnotationStreamAsync(
            string name, string displayName, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(w => w.WriteString("display_name", displayName));
            await transport.SendAsync(HttpMethod.Put, AnnotationPath(name), new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v1/annotations/:name</c>: the stream and all its events.</summary>
        public async Task DeleteAnnotationStreamAsync(string name, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, AnnotationPath(name), null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>POST /v1/annotations/:name</c>: creates the event, and the stream when it is new.</summary>
        public async Task<LibratoAnnotation> CreateAnnotationAsync(
            string stream, NewAnnotation annotation, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            if (annotation == null || string.IsNullOrEmpty(annotation.Title))
            {
                throw new ArgumentException("An annotation needs a title.", nameof(annotation));
            }

            var path = AnnotationPath(stream);
            var response = await transport.SendAsync(HttpMethod.Post, path, new RequestBody(AnnotationJson.WriteNew(annotation)), trace, cancellationToken)
                .ConfigureAwait(false);
            if (response.Body.Length == 0 && response.Location != null)
            {
                return await GetAnnotationAsync(stream, IdFromLocation(response.Location), trace, cancellationToken).ConfigureAwait(false);
            }

            return Read("POST", path, () => AnnotationJson.ReadEvent(response.Body, stream));
        }

        /// <summary><c>GET /v1/annotations/:name/:id</c>.</summary>
        public async Task<LibratoAnnotation> GetAnnotationAsync(
            string stream, long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = AnnotationPath(stream, id);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AnnotationJson.ReadEvent(response.Body, stream));
        }

        /// <summary><c>PUT /v1/annotations/:name/:id</c>: title, description, end time and links (replacing the event's).</summary>
        public async Task UpdateAnnotationAsync(
            string stream, long id, AnnotationUpdate update, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Put, AnnotationPath(stream, id), new RequestBody(AnnotationJson.WriteUpdate(update)), trace, cancellationToken)
                .ConfigureAwait(false);

        /// <summary><c>DELETE /v1/annotations/:name/:id</c>.</summary>
        public async Task DeleteAnnotationAsync(string stream, long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, AnnotationPath(stream, id), null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>POST /v1/annotations/:name/:id/links</c>: adds a link; its rel must be new to the event.</summary>
        public async Task<LibratoAnnotationLink> AddAnnotationLinkAsync(
            string stream, long id, LibratoAnnotationLink link, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = AnnotationPath(stream, id) + "/links";
            var response = await transport.SendAsync(HttpMethod.Post, path, new RequestBody(AnnotationJson.WriteLink(link)), trace, cancellationToken)
                .ConfigureAwait(false);
            return Read("POST", path, () => AnnotationJson.ReadLink(response.Body, link));
        }

        /// <summary><c>DELETE /v1/annotations/:name/:id/links/:rel</c>.</summary>
        public async Task RemoveAnnotationLinkAsync(
            string stream, long id, string rel, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, AnnotationPath(stream, id) + "/links/" + Uri.EscapeDataString(rel), null, trace, cancellationToken)
                .ConfigureAwait(false);

        private static string AnnotationPath(string stream) => "v1/annotations/" + Uri.EscapeDataString(stream);

        private static string AnnotationPath(string stream, long id) =>
            AnnotationPath(stream) + "/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
