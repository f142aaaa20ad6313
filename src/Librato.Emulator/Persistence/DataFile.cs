using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// The <c>--data-file</c>: every account's persistent sections in one JSON document. It is replaced atomically:
/// the new content goes to a temporary file in the same directory, is flushed to disk, and only then moved over
/// the old file, so a crash at any moment leaves either the previous save or the new one, never a mixture.
/// Accounts and sections this run does not know are kept as they were and written back.
/// </summary>
internal sealed class DataFile
{
    public const string FormatName = "librato-emulator-data";
    public const int FormatVersion = 1;

    private readonly EmulatorState state;
    private readonly object gate = new();
    private readonly List<KeyValuePair<string, JsonElement>> unknownAccounts = new();
    private readonly Dictionary<string, List<KeyValuePair<string, JsonElement>>> unknownSections = new(StringComparer.OrdinalIgnoreCase);
    private long savedVersion = -1;

    public DataFile(string path, EmulatorState state)
    {
        Path = System.IO.Path.GetFullPath(path);
        this.state = state;
    }

    public string Path { get; }

    /// <summary>Where a save is written before it replaces <see cref="Path"/>; a leftover one is never read.</summary>
    public string TemporaryPath => Path + ".tmp";

    /// <summary>Restores what the file holds; a missing file means a fresh start.</summary>
    /// <exception cref="InvalidDataException">The file exists but cannot be used; it is left untouched.</exception>
    public void Load()
    {
        if (!File.Exists(Path))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            Restore(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException
                                              or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException(
                $"The data file '{Path}' could not be read ({exception.Message}). It was left untouched: " +
                "fix it, move it away, or choose another --data-file.", exception);
        }

        savedVersion = state.ChangeVersion;
    }

    /// <summary>Writes the file when anything changed since the last save; returns whether it wrote.</summary>
    public bool SaveIfChanged()
    {
        lock (gate)
        {
            // Read the version first: a change made while serializing then bumps it again and is saved next time.
            long version = state.ChangeVersion;
            if (version == savedVersion)
            {
                return false;
            }

            byte[] content = Serialize();
            using (var stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(TemporaryPath, Path, overwrite: true);
            savedVersion = version;
            return true;
        }
    }

    private void Restore(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
        {
            throw new FormatException($"it is not an emulator data file (no \"format\":\"{FormatName}\")");
        }

        if (root.GetProperty("version").GetInt32() != FormatVersion)
        {
            throw new FormatException($"it has format version {root.GetProperty("version").GetRawText()}, and this emulator reads version {FormatVersion}");
        }

        foreach (var account in root.GetProperty("accounts").EnumerateObject())
        {
            var store = state.FindStore(account.Name);
            if (store is null)
            {
                unknownAccounts.Add(new KeyValuePair<string, JsonElement>(account.Name, account.Value.Clone()));
                continue;
            }

            var unknown = new List<KeyValuePair<string, JsonElement>>();
            foreach (var saved in account.Value.EnumerateObject())
            {
                var section = FindSection(store, saved.Name);
                if (section is null)
                {
                    unknown.Add(new KeyValuePair<string, JsonElement>(saved.Name, saved.Value.Clone()));
                }
                else
                {
                    section.Read(saved.Value);
                }
            }

            unknownSections[store.Email] = unknown;
        }
    }

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteNumber("saved_at", Clock.NowSeconds());
            writer.WriteStartObject("accounts");
            foreach (var store in state.Stores)
            {
                writer.WriteStartObject(store.Email);
                foreach (var section in store.Sections)
                {
                    writer.WritePropertyName(section.Name);
                    section.Write(writer);
                }

                if (unknownSections.TryGetValue(store.Email, out var unknown))
                {
                    foreach (var entry in unknown)
                    {
                        writer.WritePropertyName(entry.Key);
                        entry.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            foreach (var entry in unknownAccounts)
            {
                writer.WritePropertyName(entry.Key);
                entry.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static IPersistentSection? FindSection(AccountStore store, string name)
    {
        foreach (var section in store.Sections)
        {
            if (string.Equals(section.Name, name, StringComparison.Ordinal))
            {
                return section;
            }
        }

        return null;
    }
}
