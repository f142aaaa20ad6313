using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Alerts;

/// <summary>A version-2 alert as stored: services are kept as ids and expanded when the alert is written out.</summary>
internal sealed record Alert(
    long Id,
    string Name,
    string? Description,
    int Version,
    IReadOnlyList<AlertCondition> Conditions,
    IReadOnlyList<long> ServiceIds,
    JsonElement Attributes,
    bool Active,
    long RearmSeconds,
    bool RearmPerSignal,
    bool Md,
    long CreatedAt,
    long UpdatedAt);
