using System.Collections.Generic;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>Reads query parameters, collecting problems as <c>errors.params</c> entries.</summary>
internal static class QueryParams
{
    public static bool Has(IQueryCollection query, string key) => query.ContainsKey(key);

    public static string? GetString(IQueryCollection query, string key)
    {
        if (!query.TryGetValue(key, out var values) || values.Count == 0)
        {
            return null;
        }

        return values[^1];
    }

    /// <summary>The integer value of the parameter, or null when it is absent or (with an error added) invalid.</summary>
    public static long? GetInteger(IQueryCollection query, string key, ParamErrors errors)
    {
        string? text = GetString(query, key);
        if (text is null)
        {
            return null;
        }

        var status = JsonNumbers.ParseInteger(text, out long value);
        if (status != NumberStatus.Ok)
        {
            errors.Add(key, JsonNumbers.Describe(status));
            return null;
        }

        return value;
    }

    /// <summary>
    /// A flag: <c>true</c>/<c>1</c> or <c>false</c>/<c>0</c> in any case (Python clients send <c>True</c>), and a
    /// bare <c>name=</c> counts as true. Null when absent or (with an error added) invalid.
    /// </summary>
    public static bool? GetBoolean(IQueryCollection query, string key, ParamErrors errors)
    {
        string? text = GetString(query, key);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "" or "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                errors.Add(key, "must be true or false");
                return null;
        }
    }

    /// <summary>All values of a repeated parameter, accepting both <c>key[]=</c> and <c>key=</c> spellings.</summary>
    public static List<string> GetList(IQueryCollection query, string key)
    {
        var result = new List<string>();
        foreach (string spelling in new[] { key + "[]", key })
        {
            if (query.TryGetValue(spelling, out var values))
            {
                foreach (string? value in values)
                {
                    if (!string.IsNullOrEmpty(value))
                    {
                        result.Add(value);
                    }
                }
            }
        }

        return result;
    }
}
