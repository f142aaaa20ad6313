using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes a parameter from a fixed list (summary functions, service types) while leaving any other value allowed.</summary>
    public abstract class FixedValueCompleter : IArgumentCompleter
    {
        private readonly IReadOnlyList<string> values;

        protected FixedValueCompleter(IReadOnlyList<string> values)
        {
            this.values = values;
        }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = Completion.Typed(wordToComplete);
            return values
                .Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }

    /// <summary>The summary functions of above and below conditions.</summary>
    public sealed class SummaryFunctionCompleter : FixedValueCompleter
    {
        public SummaryFunctionCompleter()
            : base(AlertRules.SummaryFunctions)
        {
        }
    }

    /// <summary>Common service types; the API knows more, and any other type may be typed.</summary>
    public sealed class ServiceTypeCompleter : FixedValueCompleter
    {
        public ServiceTypeCompleter()
            : base(new[] { "mail", "slack", "pagerduty", "opsgenie", "victorops", "webhook", "hipchat", "campfire", "flowdock", "sns", "zapier" })
        {
        }
    }

    /// <summary>
    /// The resolutions every series offers: 1 (as sent), 1m, 15m, 1h, 1d. Series by source offer only these; tagged
    /// series take any number of seconds up to a week, which may still be typed.
    /// </summary>
    public sealed class ResolutionCompleter : IArgumentCompleter
    {
        private static readonly (string Value, string Meaning)[] Resolutions =
        {
            ("1", "points as sent"), ("60", "one point a minute"), ("900", "one point every 15 minutes"),
            ("3600", "one point an hour"), ("86400", "one point a day"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = Completion.Typed(wordToComplete);
            return Resolutions
                .Where(r => r.Value.StartsWith(typed, StringComparison.Ordinal))
                .Select(r => new CompletionResult(r.Value, r.Value + " (" + r.Meaning + ")", CompletionResultType.ParameterValue, r.Meaning));
        }
    }
}
