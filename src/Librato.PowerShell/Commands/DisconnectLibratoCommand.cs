using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Closes a session (by default the default one) and forgets it as the default.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Librato", HelpUri = HelpLinks.Pages + "Disconnect-Librato.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectLibratoCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public LibratoSession? Session { get; set; }

        protected override void ProcessRecord()
        {
            var current = SessionStore.Current;
            var target = Session ?? current;
            if (target == null)
            {
                WriteVerbose("Not connected; nothing to disconnect.");
                return;
            }

            if (ReferenceEquals(target, current))
            {
                SessionStore.Replace(null);
            }

            target.Dispose();
            WriteVerbose($"Disconnected {target.Email ?? target.Api.ToString()} from {target.Endpoint}.");
        }
    }
}
