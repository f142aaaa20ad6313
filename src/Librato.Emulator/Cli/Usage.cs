namespace Librato.Emulator.Cli;

internal static class Usage
{
    public const string Text =
        """
        Usage: dotnet Librato.Emulator.dll [options]

        A local emulator of the Librato Metrics API (v1).

        Options:
          --urls URLS                Where to listen, ';'-separated (default http://127.0.0.1:8700).
                                     Port 0 picks a free port. Loopback hosts only, unless --allow-remote.
          --user EMAIL --token TOKEN An account (HTTP Basic user and password). Repeatable; the n-th --user
                                     pairs with the n-th --token. Default: demo@example.com / demo-token.
          --allow-remote             Allow listening on non-loopback addresses.
          --request-log-size N       How many /v1 requests GET /_emulator/requests keeps (default 10000; 0 disables).
          --max-past-seconds N       Reject submitted times older than now - N (default 31536000, one year).
          --max-future-seconds N     Reject submitted times newer than now + N (default 900).
          --help                     Show this text.

        Once listening it prints one line: "Librato emulator listening on http://127.0.0.1:PORT".
        """;
}
