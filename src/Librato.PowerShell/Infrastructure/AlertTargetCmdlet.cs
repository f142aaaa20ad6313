using System.Collections.Generic;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The base of the cmdlets that act on existing alerts, chosen by id (objects from Get-LibratoAlert bind by
    /// their Id) or by name (exact, or a wildcard pattern for every match). Each alert is read fresh before it is
    /// acted on.
    /// </summary>
    public abstract class AlertTargetCmdlet : AlertingCmdlet
    {
        public const string IdSet = "Id";
        public const string NameSet = "Name";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AlertId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(AlertNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        protected override void BeginProcessing() => _ = ActiveSession;

        /// <summary>The alerts this record names, each read from the API now.</summary>
        internal IEnumerable<LibratoAlert> TargetAlerts()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (var id in Id)
                {
                    var alert = ReadAlert(id);
                    if (alert != null)
                    {
                        yield return alert;
                    }
                }

                yield break;
            }

            foreach (var name in Name)
            {
                foreach (var alert in AlertsNamed(name))
                {
                    yield return alert;
                }
            }
        }
    }
}
