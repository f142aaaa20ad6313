using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A notification target that alerts send to (mail, Slack, PagerDuty, a webhook…).</summary>
    public sealed class LibratoService
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        /// <summary>The integration, such as <c>mail</c>, <c>slack</c>, <c>pagerduty</c> or <c>webhook</c>.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>The integration's settings as the API stores them (e.g. <c>addresses</c> for mail, <c>url</c> for Slack).</summary>
        public IDictionary<string, object?> Settings { get; set; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        public override string ToString() => Title;
    }
}
