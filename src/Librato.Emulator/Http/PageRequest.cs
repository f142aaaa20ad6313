using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Reading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Http;

/// <summary>
/// The pagination parameters every list route takes (<c>offset</c>, <c>length</c>, <c>orderby</c>, <c>sort</c>),
/// and the <c>{"query":{"found","length","offset","total"},"&lt;key&gt;":[…]}</c> envelope it answers with. Metrics,
/// sources and the other resources all page through this one type, so their limits and errors cannot drift apart.
/// </summary>
internal sealed class PageRequest
{
    public const int MaxLength = 100;

    private PageRequest(long offset, long length, string orderBy, bool descending)
    {
        Offset = offset;
        Length = length;
        OrderBy = orderBy;
        Descending = descending;
    }

    public long Offset { get; }

    public long Length { get; }

    public string OrderBy { get; }

    public bool Descending { get; }

    /// <summary>
    /// Reads the parameters; <paramref name="orderings"/> lists the permitted <c>orderby</c> values, the first
    /// being the default. Problems are added to <paramref name="errors"/> and the result is then null.
    /// </summary>
    public static PageRequest? Read(IQueryCollection query, ParamErrors errors, params string[] orderings)
    {
        long offset = QueryParams.GetInteger(query, "offset", errors) ?? 0;
        long length = QueryParams.GetInteger(query, "length", errors) ?? MaxLength;
        if (offset < 0)
        {
            errors.Add("offset", "must be greater than or equal to 0");
        }

        if (length < 1)
        {
            errors.Add("length", "must be greater than 0");
        }
        else if (length > MaxLength)
        {
            errors.Add("length", $"must be less than or equal to {MaxLength}");
        }

        string orderBy = QueryParams.GetString(query, "orderby") ?? orderings[0];
        if (Array.IndexOf(orderings, orderBy) < 0)
        {
            errors.Add("orderby", ErrorMessages.NotInList);
        }

        string sort = QueryParams.GetString(query, "sort") ?? "asc";
        if (sort != "asc" && sort != "desc")
        {
            errors.Add("sort", ErrorMessages.NotInList);
        }

        return errors.Any ? null : new PageRequest(offset, length, orderBy, sort == "desc");
    }

    /// <summary>Sorts the matching items, applies the direction and cuts out the requested page.</summary>
    public List<T> Cut<T>(List<T> found, Comparison<T> ascending)
    {
        found.Sort(ascending);
        return CutSorted(found);
    }

    /// <summary>Applies the direction to items already in ascending order and cuts out the requested page.</summary>
    public List<T> CutSorted<T>(IReadOnlyList<T> ascending)
    {
        int start = (int)Math.Min(Offset, ascending.Count);
        int count = (int)Math.Min(Length, ascending.Count - start);
        var page = new List<T>(count);
        for (int i = 0; i < count; i++)
        {
            page.Add(Descending ? ascending[ascending.Count - 1 - start - i] : ascending[start + i]);
        }

        return page;
    }

    /// <summary>Writes the envelope; <c>length</c> is the number of items returned, as in every documented example.</summary>
    public void WriteEnvelope<T>(Utf8JsonWriter writer, string key, int found, int total, List<T> page, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("query");
        writer.WriteNumber("found", found);
        writer.WriteNumber("length", page.Count);
        writer.WriteNumber("offset", Offset);
        writer.WriteNumber("total", total);
        writer.WriteEndObject();
        writer.WriteStartArray(key);
        foreach (var item in page)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Names compare without regard to case; the exact spelling, then the id, only break ties.</summary>
    public static int CompareNames(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        int result = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return result != 0 ? result : string.CompareOrdinal(a, b);
    }
}
