using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The base of cmdlets that act on several metrics at once: names (typed or piped, e.g. from Get-LibratoMetric)
    /// or one server-side <c>*</c> pattern with exclusions.
    /// </summary>
    public abstract class MetricSelectionCmdlet : LibratoCmdlet
    {
        public const string NameSet = "Name";
        public const string PatternSet = "Pattern";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>One <c>*</c> pattern the server matches against every metric name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PatternSet)]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        /// <summary>Names (or patterns) the -Pattern must leave out.</summary>
        [Parameter(ParameterSetName = PatternSet)]
        [ValidateNotNull]
        public string[] Exclude { get; set; } = new string[0];

        internal MetricSelection PatternSelection => MetricSelection.ByPattern(Pattern!, Exclude);

        /// <summary>How the pattern selection reads in confirmation messages.</summary>
        internal string PatternTarget => $"every metric matching '{Pattern}'{ExceptText}";

        protected override void BeginProcessing() => _ = ActiveSession;

        /// <summary>How many names a preview or a verbose message lists before it counts the rest.</summary>
        internal const int ListedNames = 20;

        /// <summary>
        /// Asks before a change to every metric the pattern selects, naming them: the metrics are listed first (as the
        /// server matches them: the pattern, less the exclusions) so -WhatIf and the prompt say which metrics, and how
        /// many, and -Verbose can say what was done. Only -Force without -WhatIf, -Confirm or -Verbose skips the listing.
        /// Returns null when nothing is to be done.
        /// </summary>
        internal IReadOnlyList<string>? ApprovePattern(string action, string verb, bool force)
        {
            var quiet = force && !IsWhatIf() && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("Verbose");
            if (quiet)
            {
                return new string[0];
            }

            var matches = PatternMatches();
            if (matches.Count == 0)
            {
                WriteWarning($"No metric matches '{Pattern}'{ExceptText}: nothing to {verb}. Get-LibratoMetric '{Pattern}' lists what a pattern selects.");
                return null;
            }

            return Approve(Describe(matches), action, force) ? matches : null;
        }

        /// <summary><c>3 metric(s) matching 'bulk.*': bulk.a, bulk.b, bulk.c</c>, the names after the 20th counted.</summary>
        internal string Describe(IReadOnlyList<string> names) =>
            string.Format(CultureInfo.InvariantCulture, "{0:N0} metric(s) matching '{1}'{2}: ", names.Count, Pattern, ExceptText) + Listed(names);

        /// <summary><c>a, b, c</c>, or the first 20 names and <c>and 4 more</c>.</summary>
        internal static string Listed(IReadOnlyList<string> names) =>
            string.Join(", ", names.Take(ListedNames)) +
            (names.Count > ListedNames ? string.Format(CultureInfo.InvariantCulture, " and {0:N0} more", names.Count - ListedNames) : string.Empty);

        private string ExceptText => Exclude.Length > 0 ? " except " + string.Join(", ", Exclude) : string.Empty;

        private List<string> PatternMatches()
        {
            var filter = new WildcardFilter(Pattern!);
            var excluded = Exclude.Select(e => new WildcardFilter(e)).ToList();
            try
            {
                return EveryPage((offset, ct) => Client.ListMetricsAsync(filter.ServerFilter, offset, LibratoClient.MaxPageLength, Trace, ct))
                    .Select(m => m.Name)
                    .Where(n => filter.IsMatch(n) && !excluded.Any(e => e.IsMatch(n)))
                    .ToList();
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, Pattern));
                throw;
            }
        }

        /// <summary>A name with wildcards in the name set is a mistake that -Pattern is for: say so instead of "no metric named".</summary>
        internal bool RefuseWildcardName(string name, string verb)
        {
            if (!WildcardFilter.HasWildcards(name))
            {
                return false;
            }

            WriteError(new ErrorRecord(
                new PSArgumentException(
                    $"'{name}' is a pattern, and -Name takes names as they are. To {verb} every metric it matches, use -Pattern '{name}' " +
                    $"(with -WhatIf first to see them), or pipe Get-LibratoMetric '{name}' to this command."),
                ErrorIds.WildcardInName,
                ErrorCategory.InvalidArgument,
                name));
            return true;
        }
    }
}
