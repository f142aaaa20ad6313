using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Lists spaces (every page, as pages arrive), finds them by name (exact but for case, or a wildcard pattern),
    /// or gets them by id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoSpace", HelpUri = HelpLinks.Pages + "Get-LibratoSpace.md", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(LibratoSpace))]
    public sealed class GetLibratoSpaceCommand : SpaceCmdlet
    {
        public const string NameSet = "Name";
        public const string IdSet = "Id";

        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = NameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Space ids; spaces, charts (their space) and objects with a SpaceId or Id property can be piped.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [SpaceIdTransformation]
        [ValidateRange(1, long.MaxValue)]
        [Alias("SpaceId")]
        public long[] Id { get; set; } = new long[0];

        private ProgressReporter? progress;
        private long listed;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            progress = new ProgressReporter(this, ProgressIds.ListSpaces, "Listing Librato spaces", "spaces read");
        }

        protected override void EndProcessing() => progress!.Complete();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    WriteObject(FindSpaces(new SpaceIdentity(id), allowWildcards: false), enumerateCollection: true);
                }

                return;
            }

            if (Name == null)
            {
                List(null);
                return;
            }

            foreach (var name in Name)
            {
                if (WildcardFilter.HasWildcards(name))
                {
                    List(name);
                }
                else
                {
                    WriteObject(FindSpaces(new SpaceIdentity(name), allowWildcards: false), enumerateCollection: true);
                }
            }
        }

        private void List(string? pattern)
        {
            try
            {
                foreach (var space in ListSpaces(pattern))
                {
                    WriteObject(space);
                    progress!.Report(++listed);
                }
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, pattern));
            }
        }
    }
}
