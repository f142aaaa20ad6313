using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>Alerts (<c>/v1/alerts</c>): definitions, their services, and whether they are firing.</summary>
    public sealed partial class LibratoClient
    {
        /// <summary>One page of <c>GET /v1/alerts</c>; <paramref name="nameFilter"/> is the API's case-insensitive substring search.</summary>
        public async Task<Page<LibratoAlert>> ListAlertsAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = "v1/alerts" + new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AlertJson.ReadAlertPage(response.Body));
        }

        /// <summary><c>GET /v1/alerts/:id</c>.</summary>
        public async Task<LibratoAlert> GetAlertAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = AlertPath(id);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AlertJson.ReadAlert(response.Body));
        }

        /// <summary>
        /// The alert named exactly <paramref name="name"/> (ignoring case, as alert names are unique that way), or
        /// null. The API's name search matches substrings, so every page of its answer is checked.
        /// </summary>
        public async Task<LibratoAlert?> FindAlertAsync(string name, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("An alert name is required.", nameof(name));
            }

            var offset = 0;
            Page<LibratoAlert> page;
            do
            {
                page = await ListAlertsAsync(name, offset, MaxPageLength, trace, cancellationToken).ConfigureAwait(false);
                foreach (var alert in page.Items)
                {
                    if (string.Equals(alert.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return alert;
                    }
                }

                offset = page.NextOffset;
            }
            while (page.HasMore);
            return null;
        }

        /// <summary>
        /// <c>POST /v1/alerts</c>. Returns the created alert with its conditions and services: when the answer leaves
        /// them out (as the API has been known to), the alert is read back.
        /// </summary>
        public async Task<LibratoAlert> CreateAlertAsync(
            AlertDefinition alert, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            if (alert == null)
            {
                throw new ArgumentNullException(nameof(alert));
            }

            if (alert.Name == null)
            {
                throw new ArgumentException("An alert needs a name.", nameof(alert));
            }

            alert.ThrowIfInvalid();
            var body = JsonWriting.Object(alert.WriteProperties);
            var response = await transport.SendAsync(HttpMethod.Post, "v1/alerts", new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
            LibratoAlert? created = response.Body.Length == 0 ? null : Read("POST", "v1/alerts", () => AlertJson.ReadAlert(response.Body));
            var complete = created != null && created.Id != 0 &&
                created.Conditions.Count >= (alert.Conditions?.Count ?? 0) &&
                created.Services.Count >= (alert.ServiceIds?.Count ?? 0) &&
                created.Services.All(s => s.Title.Length > 0);
            if (complete)
            {
                return created!;
            }

            var id = created != null && created.Id != 0
                ? created.Id
                : response.Location != null
                    ? IdFromLocation(response.Location)
                    : throw new LibratoApiException(LibratoErrorKind.MalformedResponse, "POST", "v1/alerts", 201, new[] { "the answer names no alert id" });
            return await GetAlertAsync(id, trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <c>PUT /v1/alerts/:id</c>. The API replaces conditions, services and attributes with what is sent, so pass
        /// the whole alert: start from <see cref="AlertDefinition.From"/> and change it.
        /// </summary>
        public async Task UpdateAlertAsync(
            long id, AlertDefinition alert, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            if (alert == null)
            {
                throw new ArgumentNullException(nameof(alert));
            }

            alert.ThrowIfInvalid();
            var body = JsonWriting.Object(alert.WriteProperties);
            await transport.SendAsync(HttpMethod.Put, AlertPath(id), new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v1/alerts/:id</c>.</summary>
        public async Task DeleteAlertAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, AlertPath(id), null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>GET /v1/alerts/status</c>: the firing alerts, then the recently cleared ones.</summary>
        public async Task<IReadOnlyList<LibratoAlertStatus>> GetAlertStatusesAsync(IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            const string path = "v1/alerts/status";
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AlertJson.ReadStatusList(response.Body));
        }

        /// <summary><c>GET /v1/alerts/:id/status</c>: <c>triggered</c> or <c>ok</c>.</summary>
        public async Task<LibratoAlertStatus> GetAlertStatusAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = AlertPath(id) + "/status";
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => AlertJson.ReadStatus(response.Body, id));
        }

        /// <summary><c>POST /v1/alerts/:id/clear</c>: resolves a firing alert.</summary>
        public async Task ClearAlertAsync(long id, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Post, AlertPath(id) + "/clear", null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>POST /v1/alerts/:id/services</c>: attaches one service (attaching an attached one changes nothing).</summary>
        public async Task AddAlertServiceAsync(long alertId, long serviceId, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(w => w.WriteNumber("service", serviceId));
            await transport.SendAsync(HttpMethod.Post, AlertPath(alertId) + "/services", new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v1/alerts/:alert_id/services/:id</c>: detaches one service.</summary>
        public async Task RemoveAlertServiceAsync(long alertId, long serviceId, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(
                HttpMethod.Delete, AlertPath(alertId) + "/services/" + serviceId.ToString(CultureInfo.InvariantCulture), null, trace, cancellationToken).ConfigureAwait(false);

        private static string AlertPath(long id) => "v1/alerts/" + id.ToString(CultureInfo.InvariantCulture);
    }
}
