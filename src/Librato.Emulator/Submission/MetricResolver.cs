using System;
using System.Collections.Generic;
using System.Text;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// Maps the metric names of one submission to <see cref="ResolvedMetric"/> entries without allocating a string per
/// measurement: names are compared as bytes with the previous one, then looked up as characters.
/// </summary>
internal sealed class MetricResolver
{
    private readonly AccountStore account;
    private readonly Dictionary<string, ResolvedMetric> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ResolvedMetric>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly byte[] lastName = new byte[NameRules.MaxLength];
    private int lastLength;
    private ResolvedMetric? last;

    public MetricResolver(AccountStore account)
    {
        this.account = account;
        lookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The entry for a name that has passed <see cref="NameRules.IsValidMetricName(ReadOnlySpan{byte})"/>.</summary>
    public ResolvedMetric Resolve(ReadOnlySpan<byte> name)
    {
        if (last is not null && name.SequenceEqual(lastName.AsSpan(0, lastLength)))
        {
            return last;
        }

        Span<char> chars = stackalloc char[NameRules.MaxLength];
        chars = chars.Slice(0, Encoding.ASCII.GetChars(name, chars));
        if (!lookup.TryGetValue(chars, out var entry))
        {
            string text = new(chars);
            entry = new ResolvedMetric(text, account.Find(text));
            byName.Add(text, entry);
        }

        name.CopyTo(lastName);
        lastLength = name.Length;
        last = entry;
        return entry;
    }

    /// <summary>Resolves a name given as a string (escaped in the body); it must be valid.</summary>
    public ResolvedMetric Resolve(string name)
    {
        Span<byte> bytes = stackalloc byte[NameRules.MaxLength];
        int length = Encoding.ASCII.GetBytes(name, bytes);
        return Resolve(bytes.Slice(0, length));
    }
}
