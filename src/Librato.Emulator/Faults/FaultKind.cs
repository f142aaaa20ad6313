namespace Librato.Emulator.Faults;

internal enum FaultKind
{
    /// <summary>Answers a chosen status and body instead of the route.</summary>
    Status,

    /// <summary>Waits, then answers normally.</summary>
    Delay,

    /// <summary>Sends the status line, headers and part of a body, then aborts the connection.</summary>
    Drop,

    /// <summary>A complete HTTP response whose JSON body is cut short.</summary>
    Truncate,

    /// <summary>An HTML page, as a proxy or load balancer in front of the API would send.</summary>
    NonJson,

    /// <summary>Handles the request (the data is stored), then answers a 5xx.</summary>
    StoredThen5xx,
}

internal static class FaultKinds
{
    public static string ToName(this FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Delay => "delay",
        FaultKind.Drop => "drop",
        FaultKind.Truncate => "truncate",
        FaultKind.NonJson => "nonjson",
        _ => "stored-then-5xx",
    };

    public static bool TryParse(string? name, out FaultKind kind)
    {
        foreach (var candidate in new[] { FaultKind.Status, FaultKind.Delay, FaultKind.Drop, FaultKind.Truncate, FaultKind.NonJson, FaultKind.StoredThen5xx })
        {
            if (candidate.ToName() == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = FaultKind.Status;
        return false;
    }
}
