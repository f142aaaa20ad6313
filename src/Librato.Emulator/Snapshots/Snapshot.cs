using System.Text.Json;

namespace Librato.Emulator.Snapshots;

/// <summary>A chart snapshot; <see cref="Subject"/> is the subject object as sent. The emulator renders no image.</summary>
internal sealed record Snapshot(long Id, long JobId, long Duration, long EndTime, long CreatedAt, long UpdatedAt, JsonElement Subject);
