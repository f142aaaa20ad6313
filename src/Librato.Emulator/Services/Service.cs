using System.Text.Json;

namespace Librato.Emulator.Services;

/// <summary>A notification target alerts can use; <see cref="Settings"/> is the type-specific JSON object as sent.</summary>
internal sealed record Service(long Id, string Title, string Type, JsonElement Settings, long CreatedAt, long UpdatedAt);
