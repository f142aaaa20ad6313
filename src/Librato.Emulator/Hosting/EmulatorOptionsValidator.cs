using System;
using System.Collections.Generic;

namespace Librato.Emulator.Hosting;

/// <summary>Checks options before anything listens, so the command line and tests get the same messages.</summary>
internal static class EmulatorOptionsValidator
{
    public static List<string> Validate(EmulatorOptions options)
    {
        var problems = new List<string>();
        var urls = ListenUrls.Split(options.Urls ?? string.Empty);
        if (urls.Count == 0)
        {
            problems.Add("At least one URL to listen on is required.");
        }

        foreach (string url in urls)
        {
            if (ListenUrls.Problem(url, options.AllowRemote) is { } problem)
            {
                problems.Add(problem);
            }
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in options.EffectiveAccounts)
        {
            if (string.IsNullOrWhiteSpace(account.Email) || account.Email.Contains(':', StringComparison.Ordinal))
            {
                problems.Add($"'{account.Email}' is not a usable account email (it must be non-empty and contain no ':').");
            }
            else if (!emails.Add(account.Email))
            {
                problems.Add($"The account '{account.Email}' is configured more than once.");
            }

            if (string.IsNullOrEmpty(account.Token))
            {
                problems.Add($"The account '{account.Email}' needs a non-empty token.");
            }
        }

        if (options.RequestLogSize < 0)
        {
            problems.Add("The request log size must be 0 (disabled) or more.");
        }

        if (options.MaxPastSeconds < 0 || options.MaxFutureSeconds < 0)
        {
            problems.Add("The accepted time window (max past and future seconds) must not be negative.");
        }

        return problems;
    }
}
