using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Gets charts with their streams: every chart of the given spaces (or of every space), those whose names match,
    /// or charts by id within a space.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoChart", HelpUri = HelpLinks.Pages + "Get-LibratoChart.md", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(LibratoChart))]
    public sealed class GetLibratoChartCommand : SpaceCmdlet
    {
        public const string NameSet = "Name";
        public const string IdSet = "Id";

        /// <summary>Chart names or wildcard patterns (case ignored).</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>Space objects, ids, names or name patterns; every space when omitted (charts by name only).</summary>
        [Parameter(ValueFromPipeline = true)]
        [SpaceTransformation]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity[]? Space { get; set; }

        private ProgressReporter? progress;
        private long read;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ListCharts, "Reading Librato charts", "charts read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet && Space == null)
            {
                // Chart ids are looked up within a space; the API has no route for a chart on its own.
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("Charts given by id need their space: give -Space or pipe the space in."),
                    ErrorIds.SpaceRequired, ErrorCategory.InvalidArgument, Id));
            }

            var unmatched = new HashSet<string>(
                (Name ?? new string[0]).Where(n => !WildcardFilter.HasWildcards(n)), StringComparer.OrdinalIgnoreCase);
            var patterns = (Name ?? new string[0])
                .Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant))
                .ToList();

            try
            {
                foreach (var space in Spaces())
                {
                    if (ParameterSetName == IdSet)
                    {
                        foreach (var id in Id)
                        {
                            ForChart(new ChartIdentity(id), () => WriteObject(Await(ct => Client.GetChartAsync(space.Id, id, Trace, ct))));
                            progress!.Report(++read);
                        }

                        continue;
                    }

                    ForSpace(space, () =>
                    {
                        var charts = Await(ct => Client.ListChartsAsync(space.Id, Trace, ct));
                        foreach (var chart in charts)
                        {
                            if (patterns.Count == 0 || patterns.Any(p => p.IsMatch(chart.Name)))
                            {
                                unmatched.Remove(chart.Name);
                                WriteObject(chart);
                            }
                        }

                        read += charts.Count;
                        progress!.Report(read);
                    });
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, null));
            }

            foreach (var name in unmatched)
            {
                var where = Space == null ? "any space" : "the space " + string.Join(", ", Space.Select(s => "'" + s + "'"));
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no chart named '{name}' in {where}."),
                    ErrorIds.ChartNotFound,
                    ErrorCategory.ObjectNotFound,
                    name));
            }
        }

        private IEnumerable<LibratoSpace> Spaces()
        {
            if (Space == null)
            {
                return ListSpaces(null);
            }

            return Space.SelectMany(identity => FindSpaces(identity, allowWildcards: true));
        }
    }
}
