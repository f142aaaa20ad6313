using System;
using System.Collections.Generic;
using System.IO;

namespace Librato.Emulator.Hosting;

/// <summary>Checks options before anything listens, so the command line and tests get the same messages.</summary>
internal static class EmulatorOptionsValidator
{
    public static List<string> Validate(EmulatorOptions options) => Validate(options, out _);

    /// <summary>Also returns the accounts to run with: those given directly, then the config file's, or the default one.</summary>
    public static List<string> Validate(EmulatorOptions options, out List<EmulatorAccount> accounts)
    {
        var problems = new List<string>();
        var urls = ListenUrls.Split(options.Urls ?? string.Empty);
        if (urls.Count == 0)
        {
            problems.Add("At least one URL to listen on is required.");
        }

        foreach (string url in urls)
        {
            if (ListenUrls.Problem(url, options.AllowRemote, options.UsesTls) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (string problem in RateLimitRules.Problems(options.DefaultRateLimit))
        {
            problems.Add(char.ToUpperInvariant(problem[0]) + problem.Substring(1));
        }

        accounts = new List<EmulatorAccount>(options.Accounts);
        if (!string.IsNullOrEmpty(options.ConfigFile))
        {
            accounts.AddRange(AccountConfigFile.Load(options.ConfigFile, options.DefaultRateLimit, problems));
        }

        if (accounts.Count == 0)
        {
            accounts.Add(EmulatorAccount.Default);
        }

        ValidateAccounts(accounts, problems);
        if (options.RequestLogSize < 0)
        {
            problems.Add("The request log size must be 0 (disabled) or more.");
        }

        if (options.MaxPastSeconds < 0 || options.MaxFutureSeconds < 0)
        {
            problems.Add("The accepted time window (max past and future seconds) must not be negative.");
        }

        ValidateDataFile(options, problems);
        ValidateTls(options, problems);
        return problems;
    }

    private static void ValidateAccounts(List<EmulatorAccount> accounts, List<string> problems)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts)
        {
            if (string.IsNullOrWhiteSpace(account.Email) || account.Email.Contains(':', StringComparison.Ordinal))
            {
                problems.Add($"'{account.Email}' is not a usable account email (it must be non-empty and contain no ':').");
            }
            else if (!emails.Add(account.Email))
            {
                problems.Add($"The account '{account.Email}' is configured more than once.");
            }

            var tokens = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in account.AllTokens())
            {
                if (string.IsNullOrEmpty(token.Token))
                {
                    problems.Add($"The account '{account.Email}' needs a non-empty token.");
                }
                else if (!tokens.Add(token.Token))
                {
                    problems.Add($"The account '{account.Email}' lists the same token more than once.");
                }
            }

            if (account.RateLimit is { } rateLimit)
            {
                foreach (string problem in RateLimitRules.Problems(rateLimit))
                {
                    problems.Add($"The account '{account.Email}': {problem}");
                }
            }
        }
    }

    private static void ValidateTls(EmulatorOptions options, List<string> problems)
    {
        if (options.CertificateFile is { } file && !File.Exists(file))
        {
            problems.Add($"The certificate file '{file}' does not exist.");
        }

        if (options.CertificateKeyFile is { } key && (options.CertificateFile is null || !File.Exists(key)))
        {
            problems.Add(options.CertificateFile is null
                ? "--certificate-key goes with --certificate."
                : $"The certificate key file '{key}' does not exist.");
        }

        if (options.CertificateAuthorityFile is { } ca)
        {
            if (options.CertificateFile is not null || !options.Https)
            {
                problems.Add("--ca-file writes the authority of the certificate --https makes at start; it does not go with --certificate or without --https.");
            }
            else if (Path.GetDirectoryName(Path.GetFullPath(ca)) is not { } folder || !Directory.Exists(folder))
            {
                problems.Add($"The directory of the CA file '{ca}' does not exist.");
            }
        }
    }

    private static void ValidateDataFile(EmulatorOptions options, List<string> problems)
    {
        if (options.DataSaveIntervalSeconds < 1)
        {
            problems.Add("The data save interval must be at least 1 second.");
        }

        if (string.IsNullOrEmpty(options.DataFile))
        {
            return;
        }

        string full = Path.GetFullPath(options.DataFile);
        string? directory = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
        {
            problems.Add($"The data file '{options.DataFile}' is a directory.");
        }
        else if (directory is null || !Directory.Exists(directory))
        {
            problems.Add($"The directory of the data file '{options.DataFile}' does not exist.");
        }
    }
}
