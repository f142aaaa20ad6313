namespace Librato.Emulator.Storage;

/// <summary>The names the API gives token roles: <c>admin</c>, <c>recorder</c> and <c>viewer</c>.</summary>
internal static class TokenRoleNames
{
    public static string ToApiName(this EmulatorTokenRole role) => role switch
    {
        EmulatorTokenRole.Recorder => "recorder",
        EmulatorTokenRole.Viewer => "viewer",
        _ => "admin",
    };

    public static bool TryParse(string? text, out EmulatorTokenRole role)
    {
        switch (text)
        {
            case "admin":
                role = EmulatorTokenRole.Admin;
                return true;
            case "recorder":
                role = EmulatorTokenRole.Recorder;
                return true;
            case "viewer":
                role = EmulatorTokenRole.Viewer;
                return true;
            default:
                role = EmulatorTokenRole.Admin;
                return false;
        }
    }
}
