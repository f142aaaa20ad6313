using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Resources;

/// <summary>The list routes of the resources, so that they filter, count and page the same way.</summary>
internal static class ResourceList
{
    /// <summary>
    /// A list ordered by name, where <c>name</c> keeps the items whose name contains it (ignoring case).
    /// <paramref name="snapshot"/> runs under the account's gate.
    /// </summary>
    public static Task ByNameAsync<T>(
        HttpContext context,
        string key,
        Func<AccountResources, List<T>> snapshot,
        Func<T, string> nameOf,
        Comparison<T> order,
        Action<Utf8JsonWriter, T> writeItem)
    {
        var errors = new ParamErrors();
        var page = PageRequest.Read(context.Request.Query, errors, "name");
        if (page is null)
        {
            return Respond.Invalid(context, errors);
        }

        string? name = QueryParams.GetString(context.Request.Query, "name");
        var resources = Respond.Resources(context);
        List<T> all;
        lock (resources.Gate)
        {
            all = snapshot(resources);
        }

        return PageAsync(context, page, key, all, item => string.IsNullOrEmpty(name) || nameOf(item).Contains(name, StringComparison.OrdinalIgnoreCase), order, writeItem);
    }

    /// <summary>Answers with the page of <paramref name="all"/> that <paramref name="keep"/> keeps, in the envelope.</summary>
    public static Task PageAsync<T>(
        HttpContext context,
        PageRequest page,
        string key,
        List<T> all,
        Predicate<T> keep,
        Comparison<T> order,
        Action<Utf8JsonWriter, T> writeItem)
    {
        int total = all.Count;
        var found = all.FindAll(keep);
        int foundCount = found.Count;
        var items = page.Cut(found, order);
        return Respond.Ok(context, writer => page.WriteEnvelope(writer, key, foundCount, total, items, writeItem));
    }

    /// <summary>Orders by name as <see cref="PageRequest.CompareNames"/> does, then by id.</summary>
    public static int CompareNamesThenIds(string? nameA, long idA, string? nameB, long idB)
    {
        int result = PageRequest.CompareNames(nameA, nameB);
        return result != 0 ? result : idA.CompareTo(idB);
    }
}
