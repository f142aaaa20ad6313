using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists alerts (every page, written as pages arrive), gets one by exact name or by id, or every alert a
    /// wildcard pattern matches; -ActiveOnly leaves out disabled alerts. Alerts come with their conditions and services.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoAlert", HelpUri = HelpLinks.Pages + "Get-LibratoAlert.md", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class GetLibratoAlertCommand : AlertingCmdlet
    {
        public const string NameSet = "Name";
        public const string IdSet = "Id";

        /// <summary>Exact names (exactly that alert, ignoring case) or wildcard patterns (every match).</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AlertNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AlertId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>Only alerts that are enabled.</summary>
        [Parameter]
        public SwitchParameter ActiveOnly { get; set; }

        private ProgressReporter? progress;
        private long listed;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ListAlerts, "Listing Librato alerts", "alerts read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    Write(ReadAlert(id));
                }

                return;
            }

            if (Name == null)
            {
                try
                {
                    foreach (var alert in EveryPage((offset, ct) => Client.ListAlertsAsync(null, offset, LibratoClient.MaxPageLength, Trace, ct)))
                    {
                        Write(alert);
                        progress!.Report(++listed);
                    }
                }
                catch (LibratoApiException ex)
                {
                    ThrowTerminatingError(ApiErrors.ToRecord(ex, null));
                }

                return;
            }

            foreach (var name in Name)
            {
                if (WildcardFilter.HasWildcards(name))
                {
                    ListMatching(name);
                }
                else
                {
                    foreach (var alert in AlertsNamed(name))
                    {
                        Write(alert);
                    }
                }
            }
        }

        /// <summary>Streams the matches page by page (the shared lookup collects them first, which a plain read does not need).</summary>
        private void ListMatching(string pattern)
        {
            var filter = new WildcardFilter(pattern);
            try
            {
                foreach (var alert in EveryPage((offset, ct) => Client.ListAlertsAsync(filter.ServerFilter, offset, LibratoClient.MaxPageLength, Trace, ct)))
                {
                    if (filter.IsMatch(alert.Name))
                    {
                        Write(alert);
                    }

                    progress!.Report(++listed);
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, pattern));
            }
        }

        private void Write(LibratoAlert? alert)
        {
            if (alert != null && (!ActiveOnly || alert.Active))
            {
                WriteObject(alert);
            }
        }
    }
}
