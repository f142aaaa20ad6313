using System;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;

namespace Librato.Emulator.Faults;

/// <summary>Reads the body of <c>POST /_emulator/faults</c> into a <see cref="Fault"/>, or the reasons it cannot.</summary>
internal static class FaultParser
{
    public const int MaxDelayMilliseconds = 600000;

    private static readonly string[] KnownFields =
        { "kind", "match", "count", "status", "body", "content_type", "retry_after", "location", "delay_ms", "process", "after", "bytes" };

    public static Fault? Parse(JsonElement root, ParamErrors errors)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(KnownFields, property.Name) < 0)
            {
                errors.Add(property.Name, "is not a fault field");
            }
        }

        var kindElement = JsonBody.Get(root, "kind");
        FaultKind kind = FaultKind.Status;
        if (!JsonBody.IsPresent(kindElement))
        {
            errors.Add("kind", ErrorMessages.NotPresent);
        }
        else if (kindElement.ValueKind != JsonValueKind.String || !FaultKinds.TryParse(kindElement.GetString(), out kind))
        {
            errors.Add("kind", "must be one of status, delay, drop, truncate, nonjson, stored-then-5xx");
        }

        var (method, path, user) = ReadMatch(JsonBody.Get(root, "match"), errors);
        long count = ReadInteger(root, "count", 1, 1, int.MaxValue, errors);
        long? status = ReadOptionalInteger(root, "status", 100, 599, errors);
        long? retryAfter = ReadOptionalInteger(root, "retry_after", 0, int.MaxValue, errors);
        long delay = ReadInteger(root, "delay_ms", 0, 0, MaxDelayMilliseconds, errors);
        long? bytes = ReadOptionalInteger(root, "bytes", 0, int.MaxValue, errors);
        string? body = ReadString(root, "body", errors);
        string? contentType = ReadString(root, "content_type", errors);
        string? location = ReadString(root, "location", errors);
        string? after = ReadString(root, "after", errors);
        bool? process = null;
        if (JsonBody.Get(root, "process") is { ValueKind: not JsonValueKind.Undefined } processElement)
        {
            if (JsonBooleans.TryRead(processElement, out bool value))
            {
                process = value;
            }
            else
            {
                errors.Add("process", "must be true or false");
            }
        }

        if (errors.Any)
        {
            return null;
        }

        CheckKindRules(kind, status, delay, process, after, bytes, errors);
        if (errors.Any)
        {
            return null;
        }

        return new Fault((int)count)
        {
            Kind = kind,
            Method = method,
            Path = path,
            User = user,
            Status = (int?)status ?? DefaultStatus(kind),
            Body = body,
            ContentType = contentType,
            RetryAfter = (int?)retryAfter,
            Location = location,
            DelayMilliseconds = (int)delay,
            Process = process ?? kind is FaultKind.Truncate or FaultKind.Delay or FaultKind.StoredThen5xx,
            DropAfterHeaders = after == "headers",
            Bytes = (int?)bytes,
        };
    }

    private static int? DefaultStatus(FaultKind kind) => kind switch
    {
        FaultKind.Status or FaultKind.StoredThen5xx => 500,
        FaultKind.NonJson => 502,
        _ => null,
    };

    private static void CheckKindRules(FaultKind kind, long? status, long delay, bool? process, string? after, long? bytes, ParamErrors errors)
    {
        if (kind == FaultKind.Delay && delay < 1)
        {
            errors.Add("delay_ms", "is required for a delay and must be at least 1");
        }

        if (kind == FaultKind.StoredThen5xx && status is < 500)
        {
            errors.Add("status", "must be a 5xx status for stored-then-5xx");
        }

        if (process == false && kind is FaultKind.StoredThen5xx or FaultKind.Delay)
        {
            errors.Add("process", $"cannot be false for {kind.ToName()}");
        }

        if (after is not null && (kind != FaultKind.Drop || after is not ("headers" or "body")))
        {
            errors.Add("after", kind == FaultKind.Drop ? "must be headers or body" : "only applies to drop");
        }

        if (bytes.HasValue && kind != FaultKind.Truncate)
        {
            errors.Add("bytes", "only applies to truncate");
        }
    }

    private static (string? Method, string? Path, string? User) ReadMatch(JsonElement match, ParamErrors errors)
    {
        if (!JsonBody.IsPresent(match))
        {
            return (null, null, null);
        }

        if (match.ValueKind != JsonValueKind.Object)
        {
            errors.Add("match", "must be an object");
            return (null, null, null);
        }

        foreach (var property in match.EnumerateObject())
        {
            if (property.Name is not ("method" or "path" or "user"))
            {
                errors.Add("match", $"'{property.Name}' is not a match field (use method, path, user)");
            }
        }

        string? method = ReadString(match, "method", errors)?.ToUpperInvariant();
        string? path = ReadString(match, "path", errors);
        if (path is not null && !path.StartsWith('/') && !path.StartsWith('*'))
        {
            errors.Add("path", "must start with /");
        }

        return (method, path, ReadString(match, "user", errors));
    }

    private static string? ReadString(JsonElement obj, string name, ParamErrors errors)
    {
        var value = JsonBody.Get(obj, name);
        if (!JsonBody.IsPresent(value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(name, "must be a string");
            return null;
        }

        return value.GetString();
    }

    private static long ReadInteger(JsonElement obj, string name, long fallback, long min, long max, ParamErrors errors) =>
        ReadOptionalInteger(obj, name, min, max, errors) ?? fallback;

    private static long? ReadOptionalInteger(JsonElement obj, string name, long min, long max, ParamErrors errors)
    {
        var status = JsonNumbers.ReadInteger(JsonBody.Get(obj, name), out long value);
        if (status == NumberStatus.Missing)
        {
            return null;
        }

        if (status != NumberStatus.Ok)
        {
            errors.Add(name, JsonNumbers.Describe(status));
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(name, $"must be between {min} and {max}");
            return null;
        }

        return value;
    }
}
