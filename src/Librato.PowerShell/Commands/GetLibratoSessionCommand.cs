using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Returns the default session, or nothing when not connected.</summary>
    [Cmdlet(VerbsCommon.Get, "LibratoSession", HelpUri = HelpLinks.Pages + "Get-LibratoSession.md")]
    [OutputType(typeof(LibratoSession))]
    public sealed class GetLibratoSessionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var session = SessionStore.Current;
            if (session != null)
            {
                WriteObject(session);
            }
        }
    }
}
