using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// Saves an account's sources as <c>[{"name","display_name"}]</c>: those created with <c>PUT /v1/sources/:name</c>
/// keep their display names, and those only submissions used stay listed even after their metrics are deleted.
/// </summary>
internal sealed class SourceSection : IPersistentSection
{
    private readonly SourceRegistry sources;

    public SourceSection(SourceRegistry sources)
    {
        this.sources = sources;
    }

    public string Name => "sources";

    public void Write(Utf8JsonWriter writer)
    {
        var all = sources.Snapshot();
        all.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        writer.WriteStartArray();
        foreach (var source in all)
        {
            writer.WriteStartObject();
            writer.WriteString("name", source.Name);
            writer.WriteOrNull("display_name", source.DisplayName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public void Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'sources' must be an array.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in element.EnumerateArray())
        {
            string name = item.GetProperty("name").GetString() ?? throw new FormatException("A source has no name.");
            if (!seen.Add(name))
            {
                throw new FormatException($"The source '{name}' is saved more than once.");
            }

            string? displayName = item.GetProperty("display_name").GetString();

            // The metrics section may have restored the source already, from a series that uses it.
            var source = sources.GetOrCreate(name, displayName, out bool created);
            if (!created)
            {
                source.DisplayName = displayName;
            }
        }
    }
}
