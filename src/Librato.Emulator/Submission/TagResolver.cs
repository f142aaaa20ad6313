using System;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// Validates the per-measurement tags of one submission, remembering the last few distinct tag objects by their
/// bytes: clients repeat the same tags on every measurement of a batch, so most are never parsed twice.
/// </summary>
internal sealed class TagResolver
{
    private const int Slots = 8;

    private readonly Slot[] slots = new Slot[Slots];
    private int used;
    private int next;

    public bool TryResolve(ReadOnlySpan<byte> body, in JsonScalar tags, out TagSet? tagSet, out string? problem)
    {
        var raw = tags.Raw(body);
        for (int i = 0; i < used; i++)
        {
            ref var slot = ref slots[i];
            if (slot.Length == raw.Length && body.Slice(slot.Start, slot.Length).SequenceEqual(raw))
            {
                tagSet = slot.Tags;
                problem = slot.Problem;
                return tagSet is not null;
            }
        }

        bool valid = TagRules.TryParse(body, tags, out tagSet, out problem);
        slots[next] = new Slot(tags.Start, tags.Length, tagSet, problem);
        next = (next + 1) % Slots;
        used = Math.Min(used + 1, Slots);
        return valid;
    }

    /// <summary>Whether a tags object has no members (so it counts as not given): only whitespace between the braces.</summary>
    public static bool IsEmptyObject(ReadOnlySpan<byte> body, in JsonScalar tags)
    {
        var raw = tags.Raw(body);
        return raw.Slice(1, raw.Length - 2).IndexOf((byte)'"') < 0;
    }

    private readonly record struct Slot(int Start, int Length, TagSet? Tags, string? Problem);
}
