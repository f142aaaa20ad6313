using System;
using System.Collections.Generic;
using System.Globalization;
using Librato.Emulator.Hosting;

namespace Librato.Emulator.Cli;

/// <summary>Turns the command line into <see cref="EmulatorOptions"/>. Accepts "--name value" and "--name=value".</summary>
internal static class CommandLineParser
{
    public const string DefaultUrls = "http://127.0.0.1:8700";

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions { Urls = DefaultUrls };
        var users = new List<string>();
        var tokens = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string argument = args[i];
            string name = argument;
            string? inlineValue = null;
            int equals = argument.IndexOf('=');
            if (argument.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                name = argument.Substring(0, equals);
                inlineValue = argument.Substring(equals + 1);
            }

            switch (name)
            {
                case "--help":
                case "-h":
                case "-?":
                    return CommandLineResult.Help();
                case "--allow-remote":
                    if (inlineValue is not null)
                    {
                        return CommandLineResult.Invalid("--allow-remote takes no value.");
                    }

                    options.AllowRemote = true;
                    continue;
                case "--appoptics":
                    if (inlineValue is not null)
                    {
                        return CommandLineResult.Invalid("--appoptics takes no value.");
                    }

                    options.AppOptics = true;
                    continue;
                case "--https":
                    if (inlineValue is not null)
                    {
                        return CommandLineResult.Invalid("--https takes no value.");
                    }

                    options.Https = true;
                    continue;
            }

            if (name is not ("--urls" or "--user" or "--token" or "--request-log-size" or "--max-past-seconds" or "--max-future-seconds"
                or "--config" or "--data-file" or "--data-save-interval" or "--rate-limit" or "--rate-limit-window" or "--rate-limit-status"
                or "--certificate" or "--certificate-key" or "--ca-file"))
            {
                return CommandLineResult.Invalid($"Unknown option '{argument}'.");
            }

            string? value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return CommandLineResult.Invalid($"{name} needs a value.");
                }

                value = args[++i];
            }

            switch (name)
            {
                case "--urls":
                    options.Urls = value;
                    break;
                case "--user":
                    users.Add(value);
                    break;
                case "--token":
                    tokens.Add(value);
                    break;
                case "--config":
                    options.ConfigFile = value;
                    break;
                case "--data-file":
                    options.DataFile = value;
                    break;
                case "--certificate":
                    options.CertificateFile = value;
                    break;
                case "--certificate-key":
                    options.CertificateKeyFile = value;
                    break;
                case "--ca-file":
                    options.CertificateAuthorityFile = value;
                    break;
                default:
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                    {
                        return CommandLineResult.Invalid($"{name} needs a whole number of 0 or more, not '{value}'.");
                    }

                    if (!Apply(options, name, number))
                    {
                        return CommandLineResult.Invalid($"{name} is too large: {value}.");
                    }

                    break;
            }
        }

        if (users.Count != tokens.Count)
        {
            return CommandLineResult.Invalid("Every --user needs a matching --token (they pair up in order).");
        }

        for (int i = 0; i < users.Count; i++)
        {
            options.Accounts.Add(new EmulatorAccount(users[i], tokens[i]));
        }

        var problems = EmulatorOptionsValidator.Validate(options);
        return problems.Count > 0
            ? CommandLineResult.Invalid(string.Join(Environment.NewLine, problems), showUsage: false)
            : CommandLineResult.Run(options);
    }

    private static bool Apply(EmulatorOptions options, string name, long number)
    {
        switch (name)
        {
            case "--request-log-size":
                if (number > int.MaxValue)
                {
                    return false;
                }

                options.RequestLogSize = (int)number;
                return true;
            case "--max-past-seconds":
                options.MaxPastSeconds = number;
                return true;
            case "--max-future-seconds":
                options.MaxFutureSeconds = number;
                return true;
        }

        // The remaining options are all int-sized; their ranges are checked with the other options.
        if (number > int.MaxValue)
        {
            return false;
        }

        switch (name)
        {
            case "--data-save-interval":
                options.DataSaveIntervalSeconds = (int)number;
                return true;
            case "--rate-limit":
                options.RateLimit = (int)number;
                return true;
            case "--rate-limit-window":
                options.RateLimitWindowSeconds = (int)number;
                return true;
            default:
                options.RateLimitStatus = (int)number;
                return true;
        }
    }
}
