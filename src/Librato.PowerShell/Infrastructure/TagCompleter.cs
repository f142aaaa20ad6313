using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Completes -TagSearch, -Tag and -Tags with the <c>name=value</c> pairs of the metric's tagged series (read over the
    /// last day, an hour a point): the metric (-Name, -Metric or -MetricName) must be typed first, as one plain name.
    /// </summary>
    public class TagCompleter : NameCompleter
    {
        protected override bool Scoped => true;

        /// <summary>How a tag of the metric is offered: as a <c>name=value</c> pair.</summary>
        protected virtual string Shown(KeyValuePair<string, string> tag) => tag.Key + "=" + tag.Value;

        protected override string? ScopeOf(IDictionary? fakeBoundParameters)
        {
            // An alert's -Name is its own; its metric is -MetricName.
            var raw = fakeBoundParameters?["MetricName"] ?? fakeBoundParameters?["Metric"] ?? fakeBoundParameters?["Name"];
            var name = (raw is PSObject pso ? pso.BaseObject : raw) switch
            {
                string one => one,
                object[] many when many.Length == 1 => many[0]?.ToString(),
                string[] many when many.Length == 1 => many[0],
                _ => null,
            };
            return string.IsNullOrEmpty(name) || WildcardFilter.HasWildcards(name!) ? null : name;
        }

        protected override async Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken)
        {
            var query = new TaggedReadQuery { Resolution = 3600, Duration = 86400 };
            var read = await client.ReadMeasurementsAsync(search!, query, cancellationToken: cancellationToken).ConfigureAwait(false);
            var pairs = read.Points
                .Where(p => p.Tags != null)
                .SelectMany(p => p.Tags!.Select(Shown))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(p => p, StringComparer.OrdinalIgnoreCase);
            return (pairs, false, 0);
        }
    }
}

