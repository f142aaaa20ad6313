using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator;

/// <summary>A copy of a stored metric's descriptive fields.</summary>
public sealed record EmulatorMetric(
    string Name,
    string Type,
    string? DisplayName,
    string? Description,
    long? Period,
    string? Composite,
    IReadOnlyDictionary<string, JsonElement> Attributes);
