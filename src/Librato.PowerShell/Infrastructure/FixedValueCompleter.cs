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
}
