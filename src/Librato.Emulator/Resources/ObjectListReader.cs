using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;

namespace Librato.Emulator.Resources;

/// <summary>
/// A body field that holds a list of objects, such as an alert's conditions or a chart's streams. Errors in an
/// element are reported under <c>key[index]</c>, so that a client can tell which element was wrong.
/// </summary>
internal static class ObjectListReader
{
    /// <summary>
    /// The elements as <paramref name="readOne"/> reads them (it returns null when it reported a problem); an absent
    /// or null field is an empty list. Null when anything was wrong.
    /// </summary>
    public static List<T>? Read<T>(JsonElement value, ParamErrors errors, string key, Func<FieldReader, T?> readOne)
        where T : class
    {
        var result = new List<T>();
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(key, ResourceMessages.MustBeArray);
            return null;
        }

        bool ok = true;
        int index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var fields = new FieldReader(element, errors, key, index++);
            T? item = null;
            if (fields.Root.ValueKind != JsonValueKind.Object)
            {
                fields.Fail("", ResourceMessages.MustBeObject);
            }
            else
            {
                item = readOne(fields);
            }

            if (item is null)
            {
                ok = false;
            }
            else
            {
                result.Add(item);
            }
        }

        return ok ? result : null;
    }
}
