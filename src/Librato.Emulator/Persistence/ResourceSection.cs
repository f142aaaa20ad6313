using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// A resource store's part of the data file. What is saved is collected under the resources' gate, so it is one
/// consistent state of the store, and written after the gate is released. Reading also moves the account's id
/// sequence past every id it restores, so a new resource never takes the id of a saved one.
/// </summary>
/// <typeparam name="T">The saved shape.</typeparam>
internal abstract class ResourceSection<T> : IPersistentSection
{
    private readonly JsonTypeInfo<T> typeInfo;

    protected ResourceSection(string name, AccountStore account, JsonTypeInfo<T> typeInfo)
    {
        Name = name;
        Account = account;
        this.typeInfo = typeInfo;
    }

    public string Name { get; }

    protected AccountStore Account { get; }

    protected AccountResources Resources => Account.Resources;

    public void Write(Utf8JsonWriter writer)
    {
        T saved;
        lock (Resources.Gate)
        {
            saved = Collect();
        }

        JsonSerializer.Serialize(writer, saved, typeInfo);
    }

    public void Read(JsonElement element)
    {
        T saved = element.Deserialize(typeInfo) ?? throw new FormatException($"'{Name}' must not be null.");
        lock (Resources.Gate)
        {
            long highest = Restore(saved);
            if (highest > Resources.Ids.Last)
            {
                Resources.Ids.Restore(highest);
            }
        }
    }

    /// <summary>The store's state, copied. Called while holding the gate.</summary>
    protected abstract T Collect();

    /// <summary>Puts the saved state back into the empty store; returns the highest id it holds. Called while holding the gate.</summary>
    protected abstract long Restore(T saved);

    protected FormatException SavedTwice(string what, long id) => new($"'{Name}': the {what} {id} is saved more than once.");
}
