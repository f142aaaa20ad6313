using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Hosting;

/// <summary>
/// Reads the accounts file given with <c>--config</c>:
/// <c>{"accounts":[{"email":…,"tokens":[{"token":…,"role":"admin|recorder|viewer","active":true,"name":…}],
/// "rate_limit":{"limit":N,"window_seconds":S,"status":429}}]}</c>. Unknown fields are reported rather than
/// ignored, so a misspelt option does not silently do nothing.
/// </summary>
internal static class AccountConfigFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The file's accounts; problems are added to <paramref name="problems"/>, each naming the file.</summary>
    public static List<EmulatorAccount> Load(string path, EmulatorRateLimit defaults, List<string> problems)
    {
        var accounts = new List<EmulatorAccount>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), DocumentOptions);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            problems.Add($"Could not read the config file '{path}': {exception.Message}");
            return accounts;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accounts", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"The config file '{path}' must be an object with an \"accounts\" array.");
                return accounts;
            }

            ReportUnknown(root, path, "the top level", problems, "accounts");
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var account = ReadAccount(item, $"accounts[{index}]", path, defaults, problems);
                if (account is not null)
                {
                    accounts.Add(account);
                }

                index++;
            }
        }

        return accounts;
    }

    private static EmulatorAccount? ReadAccount(JsonElement item, string where, string path, EmulatorRateLimit defaults, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: {where} must be an object.");
            return null;
        }

        int problemsBefore = problems.Count;
        ReportUnknown(item, path, where, problems, "email", "tokens", "rate_limit");
        string? email = item.TryGetProperty("email", out var emailElement) && emailElement.ValueKind == JsonValueKind.String
            ? emailElement.GetString()
            : null;
        if (email is null)
        {
            problems.Add($"{path}: {where} needs an \"email\" string.");
        }

        var tokens = new List<EmulatorToken>();
        if (!item.TryGetProperty("tokens", out var tokenList) || tokenList.ValueKind != JsonValueKind.Array || tokenList.GetArrayLength() == 0)
        {
            problems.Add($"{path}: {where} needs a non-empty \"tokens\" array.");
        }
        else
        {
            int index = 0;
            foreach (var tokenItem in tokenList.EnumerateArray())
            {
                if (ReadToken(tokenItem, $"{where}.tokens[{index}]", path, problems) is { } token)
                {
                    tokens.Add(token);
                }

                index++;
            }
        }

        EmulatorRateLimit? rateLimit = null;
        if (item.TryGetProperty("rate_limit", out var limitElement) && limitElement.ValueKind != JsonValueKind.Null)
        {
            rateLimit = ReadRateLimit(limitElement, $"{where}.rate_limit", path, defaults, problems);
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        var first = tokens[0];
        return new EmulatorAccount(email!, first.Token)
        {
            Role = first.Role,
            Active = first.Active,
            TokenName = first.Name,
            OtherTokens = tokens.GetRange(1, tokens.Count - 1),
            RateLimit = rateLimit,
        };
    }

    private static EmulatorToken? ReadToken(JsonElement item, string where, string path, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: {where} must be an object.");
            return null;
        }

        ReportUnknown(item, path, where, problems, "token", "role", "active", "name");
        string? token = item.TryGetProperty("token", out var tokenElement) && tokenElement.ValueKind == JsonValueKind.String
            ? tokenElement.GetString()
            : null;
        if (string.IsNullOrEmpty(token))
        {
            problems.Add($"{path}: {where} needs a non-empty \"token\" string.");
            return null;
        }

        var role = EmulatorTokenRole.Admin;
        if (item.TryGetProperty("role", out var roleElement) && !TryParseRole(roleElement, out role))
        {
            problems.Add($"{path}: {where}.role must be admin, recorder or viewer.");
            return null;
        }

        bool active = true;
        if (item.TryGetProperty("active", out var activeElement))
        {
            if (activeElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"{path}: {where}.active must be true or false.");
                return null;
            }

            active = activeElement.GetBoolean();
        }

        string? name = item.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        return new EmulatorToken(token, role, active, name);
    }

    private static EmulatorRateLimit? ReadRateLimit(JsonElement item, string where, string path, EmulatorRateLimit defaults, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: {where} must be an object.");
            return null;
        }

        ReportUnknown(item, path, where, problems, "limit", "window_seconds", "status");
        int? limit = defaults.Limit;
        if (item.TryGetProperty("limit", out var limitElement))
        {
            if (limitElement.ValueKind == JsonValueKind.Null)
            {
                limit = null;
            }
            else if (limitElement.TryGetInt32(out int value))
            {
                limit = value;
            }
            else
            {
                problems.Add($"{path}: {where}.limit must be a whole number or null.");
            }
        }

        int window = ReadInt(item, "window_seconds", defaults.WindowSeconds, where, path, problems);
        int status = ReadInt(item, "status", defaults.Status, where, path, problems);
        var rateLimit = new EmulatorRateLimit(limit, window, status);
        foreach (string problem in RateLimitRules.Problems(rateLimit))
        {
            problems.Add($"{path}: {where}: {problem}");
        }

        return rateLimit;
    }

    private static int ReadInt(JsonElement item, string name, int fallback, string where, string path, List<string> problems)
    {
        if (!item.TryGetProperty(name, out var element))
        {
            return fallback;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value))
        {
            return value;
        }

        problems.Add($"{path}: {where}.{name} must be a whole number.");
        return fallback;
    }

    private static bool TryParseRole(JsonElement element, out EmulatorTokenRole role) =>
        TokenRoleNames.TryParse(element.ValueKind == JsonValueKind.String ? element.GetString() : null, out role);

    private static void ReportUnknown(JsonElement obj, string path, string where, List<string> problems, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                problems.Add($"{path}: unknown field \"{property.Name}\" in {where} (expected {string.Join(", ", known)}).");
            }
        }
    }
}
