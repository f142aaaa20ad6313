using System.Text.Json;

namespace Librato.Emulator.Persistence;

/// <summary>
/// A part of one account's state that <c>--data-file</c> keeps across restarts. Each account saves its sections
/// as the properties of one JSON object, keyed by <see cref="Name"/>. A store joins by implementing this and
/// registering itself with <see cref="Storage.AccountStore.RegisterSection"/>.
/// </summary>
internal interface IPersistentSection
{
    /// <summary>The property the section is saved under, for example <c>metrics</c>; unique within an account.</summary>
    string Name { get; }

    /// <summary>Writes the section's current state as exactly one JSON value. Called while requests may be running.</summary>
    void Write(Utf8JsonWriter writer);

    /// <summary>
    /// Restores what <see cref="Write"/> saved. Called once, at start, before any request, on an empty account.
    /// Throws <see cref="System.FormatException"/> (or a <see cref="JsonException"/>) when the value is not usable.
    /// </summary>
    void Read(JsonElement element);
}
