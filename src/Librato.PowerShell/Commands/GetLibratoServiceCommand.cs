using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists the account's services (every page, written as pages arrive), or those with a title (exact or
    /// wildcard), or gets services by id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoService", HelpUri = HelpLinks.Pages + "Get-LibratoService.md", DefaultParameterSetName = TitleSet)]
    [OutputType(typeof(LibratoService))]
    public sealed class GetLibratoServiceCommand : AlertingCmdlet
    {
        public const string TitleSet = "Title";
        public const string IdSet = "Id";

        /// <summary>Exact titles (ignoring case; titles may repeat, so each can return several services) or wildcard patterns.</summary>
        [Parameter(Position = 0, ParameterSetName = TitleSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ServiceTitleCompleter))]
        public string[]? Title { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        private ProgressReporter? progress;
        private long listed;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ListServices, "Listing Librato services", "services read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    TryCall(id, ErrorIds.ServiceNotFound, $"There is no service with id {id}.", () => WriteObject(Await(ct => Client.GetServiceAsync(id, Trace, ct))));
                }

                return;
            }

            if (Title == null)
            {
                List(null, null);
                return;
            }

            foreach (var title in Title)
            {
                if (WildcardFilter.HasWildcards(title))
                {
                    var pattern = WildcardPattern.Get(title, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                    List(pattern.IsMatch, title);
                }
                else
                {
                    List(t => string.Equals(t, title, System.StringComparison.OrdinalIgnoreCase), title);
                }
            }
        }

        private void List(System.Func<string, bool>? match, string? title)
        {
            var found = 0;
            try
            {
                foreach (var service in EveryPage((offset, ct) => Client.ListServicesAsync(offset, LibratoClient.MaxPageLength, Trace, ct)))
                {
                    if (match == null || match(service.Title))
                    {
                        found++;
                        WriteObject(service);
                    }

                    progress!.Report(++listed);
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, title));
            }

            if (found == 0 && title != null && !WildcardFilter.HasWildcards(title))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no service titled '{title}'."),
                    ErrorIds.ServiceNotFound,
                    ErrorCategory.ObjectNotFound,
                    title));
            }
        }
    }
}
