using System;
using System.Text;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// Reads and checks the per-entry sources of one legacy submission, reusing the string of the previous entry when
/// the bytes are the same: batches usually give every entry the same source.
/// </summary>
internal sealed class SourceResolver
{
    private readonly byte[] lastBytes = new byte[NameRules.MaxLength];
    private int lastLength = -1;
    private string? lastText;
    private string? lastProblem;

    /// <summary>The source's text (raw JSON text when it is not a string) and the reason it is invalid, if it is.</summary>
    public string Resolve(ReadOnlySpan<byte> body, in JsonScalar field, out string? problem)
    {
        if (field.Kind != JsonValueKind.String || field.IsEscaped)
        {
            string text = field.TextOrRaw(body);
            problem = LegacyDefaults.SourceProblem(text);
            return text;
        }

        var bytes = field.StringBytes(body);
        if (lastText is not null && bytes.SequenceEqual(lastBytes.AsSpan(0, lastLength)))
        {
            problem = lastProblem;
            return lastText;
        }

        string decoded = Encoding.UTF8.GetString(bytes);
        problem = LegacyDefaults.SourceProblem(decoded);
        if (bytes.Length <= lastBytes.Length)
        {
            bytes.CopyTo(lastBytes);
            lastLength = bytes.Length;
            lastText = decoded;
            lastProblem = problem;
        }

        return decoded;
    }
}
