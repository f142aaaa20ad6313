using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Reading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Http;

/// <summary>
/// The pagination parameters of an index route (<c>offset</c>, <c>length</c>, <c>orderby</c>, <c>sort</c>) and the
/// <c>query</c> envelope its answer starts with.
/// </summary>
internal sealed class PageRequest
{
    public const int MaxLength = 100;

    private PageRequest(long offset, long length, bool descending)
    {
        Offset = offset;
        Length = length;
        Descending = descending;
    }

    public long Offset { get; }

    public long Length { get; }

    public bool Descending { get; }

    /// <summary>Reads the parameters; <paramref name="orderBy"/> lists the accepted <c>orderby</c> values.</summary>
    public static PageRequest? Parse(IQueryCollection query, ParamErrors errors, params string[] orderBy)
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

        string? order = QueryParams.GetString(query, "orderby");
        if (order is not null && Array.IndexOf(orderBy, order) < 0)
        {
            errors.Add("orderby", ErrorMessages.NotInList);
        }

        string sort = QueryParams.GetString(query, "sort") ?? "asc";
        if (sort != "asc" && sort != "desc")
        {
            errors.Add("sort", ErrorMessages.NotInList);
        }

        return errors.Any ? null : new PageRequest(offset, length, sort == "desc");
    }

    /// <summary>Orders the matching items (ascending by <paramref name="compare"/>, then reversed for desc) and takes the page.</summary>
    public List<T> Page<T>(List<T> found, Comparison<T> compare)
    {
        found.Sort(compare);
        if (Descending)
        {
            found.Reverse();
        }

        int start = (int)Math.Min(Offset, found.Count);
        int count = (int)Math.Min(Length, found.Count - start);
        return found.GetRange(start, count);
    }

    /// <summary><c>"query":{"found","length","offset","total"}</c>, where length is the number of items returned.</summary>
    public void WriteEnvelope(Utf8JsonWriter writer, int found, int returned, int total)
    {
        writer.WriteStartObject("query");
        writer.WriteNumber("found", found);
        writer.WriteNumber("length", returned);
        writer.WriteNumber("offset", Offset);
        writer.WriteNumber("total", total);
        writer.WriteEndObject();
    }
}
