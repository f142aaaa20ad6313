using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// What the alert and service cmdlets share: paging, reading one alert or service with a fitting not-found
    /// error, turning rule violations into errors with stable ids, and resolving services given as ids, titles or objects.
    /// </summary>
    public abstract class AlertingCmdlet : LibratoCmdlet
    {
        private List<LibratoService>? allServices;

        /// <summary>Runs a call about one alert or service; its failure becomes a non-terminating error about that target.</summary>
        internal bool TryCall(object target, string notFoundId, string notFoundMessage, Action call)
        {
            try
            {
                call();
                return true;
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException(notFoundMessage, ex), notFoundId, ErrorCategory.ObjectNotFound, target));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, target));
            }

            return false;
        }

        /// <summary><c>GET /v1/alerts/:id</c>; null (and an error written) when it cannot be read.</summary>
        internal LibratoAlert? ReadAlert(long id)
        {
            LibratoAlert? alert = null;
            TryCall(id, ErrorIds.AlertNotFound, $"There is no alert with id {id}.", () => alert = Await(ct => Client.GetAlertAsync(id, Trace, ct)));
            return alert;
        }

        /// <summary>
        /// The alerts a name selects: an exact name (ignoring case) is exactly that alert, or a Librato.AlertNotFound
        /// error; a wildcard pattern is every alert it matches, and possibly none.
        /// </summary>
        internal IEnumerable<LibratoAlert> AlertsNamed(string name)
        {
            if (WildcardFilter.HasWildcards(name))
            {
                var filter = new WildcardFilter(name);
                IEnumerable<LibratoAlert> listing;
                try
                {
                    listing = EveryPage((offset, ct) => Client.ListAlertsAsync(filter.ServerFilter, offset, LibratoClient.MaxPageLength, Trace, ct)).ToList();
                }
                catch (LibratoApiException ex)
                {
                    WriteError(ApiErrors.ToRecord(ex, name));
                    yield break;
                }

                foreach (var alert in listing)
                {
                    if (filter.IsMatch(alert.Name))
                    {
                        yield return alert;
                    }
                }

                yield break;
            }

            LibratoAlert? found = null;
            if (TryCall(name, ErrorIds.AlertNotFound, string.Empty, () => found = Await(ct => Client.FindAlertAsync(name, Trace, ct))) && found == null)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no alert named '{name}'."),
                    ErrorIds.AlertNotFound,
                    ErrorCategory.ObjectNotFound,
                    name));
            }

            if (found != null)
            {
                yield return found;
            }
        }

        /// <summary>The text an alert is shown as in confirmations and messages.</summary>
        internal static string Describe(LibratoAlert alert) => string.Format(CultureInfo.InvariantCulture, "alert '{0}' ({1})", alert.Name, alert.Id);

        internal static string Describe(LibratoService service) => string.Format(CultureInfo.InvariantCulture, "service '{0}' ({1})", service.Title, service.Id);

        /// <summary>Stops the command with the rule the value breaks, before any request is sent.</summary>
        internal void ThrowInvalid(ValidationError error, object? target) =>
            ThrowTerminatingError(ValidationRecord(error, target));

        internal static ErrorRecord ValidationRecord(ValidationError error, object? target) =>
            new ErrorRecord(new PSArgumentException(error.Message), ErrorIds.ForValidation(error.Code), ErrorCategory.InvalidArgument, target);

        /// <summary>
        /// Service ids from what the user gave: ids (numbers or numeric text), objects from Get-LibratoService (or
        /// anything with an Id), or exact titles, which must name exactly one service. Stops the command otherwise.
        /// </summary>
        internal List<long> ResolveServices(IEnumerable<object?> given)
        {
            var ids = new List<long>();
            foreach (var item in given)
            {
                var id = ResolveService(item);
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        private long ResolveService(object? item)
        {
            var raw = item is PSObject pso ? pso.BaseObject : item;
            switch (raw)
            {
                case LibratoService service:
                    return service.Id;
                case string text when long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0:
                    return parsed;
                case string title when title.Trim().Length > 0:
                    return ServiceTitled(title.Trim());
                case IConvertible number when IsWholeNumber(number, out var whole) && whole > 0:
                    return whole;
                case IDictionary dictionary when dictionary.Contains("id") && IsWholeNumber(dictionary["id"], out var dictId) && dictId > 0:
                    return dictId;
            }

            // Objects such as deserialized services, or rows made with Select-Object, carry the id as a property.
            if (item is PSObject wrapped && !(raw is string) && wrapped.Properties["Id"]?.Value is object idValue &&
                IsWholeNumber(idValue, out var propertyId) && propertyId > 0)
            {
                return propertyId;
            }

            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException($"'{item}' is not a service: give a service id, a service title, or an object from Get-LibratoService."),
                ErrorIds.InvalidService,
                ErrorCategory.InvalidArgument,
                item));
            return 0;
        }

        /// <summary>The service of that title (ignoring case), or null.</summary>
        internal LibratoService? FindServiceTitled(string title) =>
            AllServices(title).FirstOrDefault(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase));

        // The account's services, read once per command; a failure to read them ends it, about the title looked for.
        private List<LibratoService> AllServices(string title)
        {
            if (allServices == null)
            {
                try
                {
                    allServices = EveryPage((offset, ct) => Client.ListServicesAsync(offset, LibratoClient.MaxPageLength, Trace, ct)).ToList();
                }
                catch (LibratoApiException ex)
                {
                    ThrowTerminatingError(ApiErrors.ToRecord(ex, title));
                    throw;
                }
            }

            return allServices;
        }

        private long ServiceTitled(string title)
        {
            var matches = AllServices(title).Where(s => string.Equals(s.Title, title, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1)
            {
                return matches[0].Id;
            }

            ThrowTerminatingError(matches.Count == 0
                ? new ErrorRecord(new ItemNotFoundException($"There is no service titled '{title}'."), ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, title)
                : new ErrorRecord(
                    new PSArgumentException($"{matches.Count} services are titled '{title}' (ids {string.Join(", ", matches.Select(s => s.Id))}): give the id instead."),
                    ErrorIds.AmbiguousServiceTitle,
                    ErrorCategory.InvalidArgument,
                    title));
            return 0;
        }

        private static bool IsWholeNumber(object? value, out long whole)
        {
            whole = 0;
            var raw = value is PSObject pso ? pso.BaseObject : value;
            if (raw is string s)
            {
                return long.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out whole);
            }

            if (raw is IConvertible c && !(raw is bool) && !(raw is char))
            {
                var code = c.GetTypeCode();
                if (code >= TypeCode.SByte && code <= TypeCode.Decimal)
                {
                    var d = c.ToDouble(CultureInfo.InvariantCulture);
                    if (Math.Floor(d) == d && Math.Abs(d) < 9e15)
                    {
                        whole = (long)d;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
