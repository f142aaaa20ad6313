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
          --user EMAIL --token TOKEN An account (HTTP Basic user and password) whose token has the admin role.
                                     Repeatable; the n-th --user pairs with the n-th --token.
                                     Default: demo@example.com / demo-token.
          --config PATH              A JSON file of further accounts, with tokens (roles admin, recorder,
                                     viewer; active or not) and per-account rate limits. See docs/emulator.md.
          --allow-remote             Allow listening on non-loopback addresses.
          --https                    Serve https with a certificate made at start (for localhost, 127.0.0.1
                                     and ::1), signed by a certificate authority made with it.
          --ca-file PATH             With --https: write that authority's certificate (PEM, no key) to PATH,
                                     for clients to trust (SSL_CERT_FILE on Linux, the Root store on Windows).
          --certificate PATH         Serve https with this certificate: PEM (with its key, or --certificate-key)
                                     or PKCS#12 (.pfx/.p12; its password in LIBRATO_EMULATOR_CERTIFICATE_PASSWORD).
          --certificate-key PATH     The PEM key of --certificate, when it is in a file of its own.
          --appoptics                Answer as AppOptics: the token alone authenticates (user TOKEN with an
                                     empty password, or user "token" with password TOKEN); POST /v1/metrics
                                     and /v1/sources answer 404; POST /v1/measurements refuses with 400 a
                                     request with an untagged measurement or more than 1000 measurements.
          --request-log-size N       How many /v1 requests GET /_emulator/requests keeps (default 10000; 0 disables).
          --max-past-seconds N       Reject submitted times older than now - N (default 31536000, one year).
          --max-future-seconds N     Reject submitted times newer than now + N (default 900).
          --rate-limit N             Allow N requests per window and account in each bucket (measurement
                                     submissions; everything else). Default: no limit.
          --rate-limit-window SECONDS
                                     How long a rate-limit window lasts (default 60).
          --rate-limit-status CODE   The answer over the limit: 429 (default) or 403 (the historical body).
          --data-file PATH           Keep the stored data in PATH across restarts: read at start, saved every
                                     few seconds when it changed and at shutdown, always replaced atomically.
          --data-save-interval SECONDS
                                     How often changed data is saved to --data-file (default 5).
          --help                     Show this text.

        Once listening it prints one line: "Librato emulator listening on http://127.0.0.1:PORT" (https with TLS).
        Control routes (no authentication): /_emulator/reset, /_emulator/stats, /_emulator/requests,
        /_emulator/faults, /_emulator/rate-limit, /_emulator/alerts/ID/trigger.
        """;
}
