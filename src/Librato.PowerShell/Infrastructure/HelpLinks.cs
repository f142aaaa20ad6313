namespace Librato.PowerShell
{
    /// <summary>Where each cmdlet's help page is online: Get-Help -Online opens it (the cmdlets' HelpUri).</summary>
    public static class HelpLinks
    {
        public const string Pages = "https://github.com/librato-powershell/Librato.PowerShell/blob/main/docs/cmdlets/";
    }
}
