using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The base of the space and chart cmdlets: finding spaces and charts from what a parameter names (objects, ids,
    /// names) and reporting what is missing with stable error ids.
    /// </summary>
    public abstract class SpaceCmdlet : LibratoCmdlet
    {
        /// <summary>
        /// Every space whose name matches <paramref name="name"/> (case ignored; a wildcard pattern unless
        /// <paramref name="literal"/>), or every space when it is null, reading page by page as the caller consumes them.
        /// </summary>
        internal IEnumerable<LibratoSpace> ListSpaces(string? name, bool literal = false)
        {
            Func<string, bool>? matches = null;
            string? search = null;
            if (name != null && (literal || !WildcardFilter.HasWildcards(name)))
            {
                matches = n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase);
                search = name;
            }
            else if (name != null)
            {
                var filter = new WildcardFilter(name);
                matches = filter.IsMatch;
                search = filter.ServerFilter;
            }

            var offset = 0;
            Page<LibratoSpace> page;
            do
            {
                var from = offset;
                page = Await(ct => Client.ListSpacesAsync(search, from, LibratoClient.MaxPageLength, Trace, ct));
                foreach (var space in page.Items)
                {
                    if (matches == null || matches(space.Name))
                    {
                        yield return space;
                    }
                }

                offset = page.NextOffset;
            }
            while (page.HasMore);
        }

        /// <summary>
        /// The spaces an identity names: the object itself, the space with the id, or every space whose name matches
        /// (exactly but for case, or as a wildcard pattern when <paramref name="allowWildcards"/>). Writes
        /// <c>Librato.SpaceNotFound</c> and returns nothing when an id or exact name finds no space.
        /// </summary>
        internal List<LibratoSpace> FindSpaces(SpaceIdentity identity, bool allowWildcards)
        {
            var found = new List<LibratoSpace>();
            if (identity.Space != null)
            {
                found.Add(identity.Space);
                return found;
            }

            try
            {
                if (identity.Id.HasValue)
                {
                    found.Add(Await(ct => Client.GetSpaceAsync(identity.Id.Value, Trace, ct)));
                    return found;
                }

                var name = identity.Name!;
                found.AddRange(ListSpaces(name, literal: !allowWildcards));
                if (found.Count == 0 && !(allowWildcards && WildcardFilter.HasWildcards(name)))
                {
                    WriteError(SpaceNotFound(identity, null));
                }
            }
            catch (LibratoApiException ex)
            {
                WriteError(ex.Kind == LibratoErrorKind.NotFound ? SpaceNotFound(identity, ex) : ApiErrors.ToRecord(ex, identity));
            }

            return found;
        }

        /// <summary>The one space an identity names; writes an error and returns null when there is none or more than one.</summary>
        internal LibratoSpace? FindSpace(SpaceIdentity identity)
        {
            var found = FindSpaces(identity, allowWildcards: false);
            if (found.Count > 1)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException(
                        $"{found.Count} spaces are named '{identity.Name}' (ids {string.Join(", ", found.Select(s => s.Id))}). Pass the space's id or the space object instead."),
                    ErrorIds.AmbiguousSpace,
                    ErrorCategory.InvalidArgument,
                    identity));
                return null;
            }

            return found.Count == 1 ? found[0] : null;
        }

        /// <summary>
        /// The chart an identity names: a chart object as it is, or a chart id or exact name (case ignored) within
        /// <paramref name="space"/>. Writes an error and returns null when it cannot be found.
        /// </summary>
        internal LibratoChart? FindChart(ChartIdentity identity, SpaceIdentity? space)
        {
            if (identity.Chart != null)
            {
                return identity.Chart;
            }

            if (space == null)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException($"The chart '{identity}' is given by {(identity.Id.HasValue ? "id" : "name")}: say which space it is in with -Space."),
                    ErrorIds.SpaceRequired,
                    ErrorCategory.InvalidArgument,
                    identity));
                return null;
            }

            var inSpace = FindSpace(space);
            if (inSpace == null)
            {
                return null;
            }

            LibratoChart? chart = null;
            ForChart(identity, () =>
            {
                if (identity.Id.HasValue)
                {
                    chart = Await(ct => Client.GetChartAsync(inSpace.Id, identity.Id.Value, Trace, ct));
                    return;
                }

                var named = Await(ct => Client.ListChartsAsync(inSpace.Id, Trace, ct))
                    .Where(c => string.Equals(c.Name, identity.Name, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (named.Count == 0)
                {
                    WriteError(ChartNotFound(identity, $"There is no chart named '{identity.Name}' in the space '{inSpace.Name}' (id {inSpace.Id}).", null));
                }
                else if (named.Count > 1)
                {
                    WriteError(new ErrorRecord(
                        new InvalidOperationException(
                            $"{named.Count} charts in the space '{inSpace.Name}' are named '{identity.Name}' (ids {string.Join(", ", named.Select(c => c.Id))}). Pass the chart's id or the chart object instead."),
                        ErrorIds.AmbiguousChart,
                        ErrorCategory.InvalidArgument,
                        identity));
                }
                else
                {
                    chart = named[0];
                }
            });
            return chart;
        }

        /// <summary>Runs a call about a space, reporting its failure as a non-terminating error about it.</summary>
        internal void ForSpace(object target, Action call)
        {
            try
            {
                call();
            }
            catch (LibratoApiException ex)
            {
                WriteError(ex.Kind == LibratoErrorKind.NotFound ? SpaceNotFound(target, ex) : ApiErrors.ToRecord(ex, target));
            }
        }

        /// <summary>Runs a call about a chart, reporting its failure as a non-terminating error about it.</summary>
        internal void ForChart(object target, Action call)
        {
            try
            {
                call();
            }
            catch (LibratoApiException ex) when (ex.Kind == LibratoErrorKind.NotFound)
            {
                // The chart routes answer 404 for a missing space as well as for a missing chart.
                WriteError(ex.ApiErrors.Any(e => e.IndexOf("space", StringComparison.OrdinalIgnoreCase) >= 0)
                    ? SpaceNotFound(target, ex)
                    : ChartNotFound(target, $"There is no chart {Describe(target)}.", ex));
            }
            catch (LibratoApiException ex)
            {
                WriteError(ApiErrors.ToRecord(ex, target));
            }
        }

        /// <summary>Forgets the space names cached for completion, after a space was created, renamed or removed.</summary>
        internal void ForgetSpaceNames() => NameCompleter.Forget<SpaceNameCompleter>(ActiveSession);

        internal static string Describe(LibratoSpace space) => $"'{space.Name}' (id {space.Id.ToString(CultureInfo.InvariantCulture)})";

        internal static string Describe(LibratoChart chart) =>
            $"'{chart.Name}' (id {chart.Id.ToString(CultureInfo.InvariantCulture)}, space {chart.SpaceId.ToString(CultureInfo.InvariantCulture)})";

        private static string Describe(object target) =>
            target is LibratoChart chart ? Describe(chart)
            : target is ChartIdentity identity && identity.Chart != null ? Describe(identity.Chart)
            : target is ChartIdentity byId && byId.Id.HasValue ? "with id " + byId.Id.Value.ToString(CultureInfo.InvariantCulture)
            : "'" + target + "'";

        private static ErrorRecord SpaceNotFound(object target, Exception? inner)
        {
            var what = target is SpaceIdentity identity && identity.Id.HasValue && identity.Name == null
                ? "with id " + identity.Id.Value.ToString(CultureInfo.InvariantCulture)
                : target is SpaceIdentity named && named.Name != null ? "named '" + named.Name + "'"
                : target is LibratoChart chart ? "with id " + chart.SpaceId.ToString(CultureInfo.InvariantCulture)
                : target is ChartIdentity chartIdentity && chartIdentity.Chart != null ? "with id " + chartIdentity.Chart.SpaceId.ToString(CultureInfo.InvariantCulture)
                : "'" + target + "'";
            return new ErrorRecord(new ItemNotFoundException($"There is no space {what}.", inner), ErrorIds.SpaceNotFound, ErrorCategory.ObjectNotFound, target);
        }

        private static ErrorRecord ChartNotFound(object target, string message, Exception? inner) =>
            new ErrorRecord(new ItemNotFoundException(message, inner), ErrorIds.ChartNotFound, ErrorCategory.ObjectNotFound, target);
    }
}
