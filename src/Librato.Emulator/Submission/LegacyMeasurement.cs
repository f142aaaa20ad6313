using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>A validated legacy entry, with the top-level defaults already applied.</summary>
internal sealed record LegacyMeasurement(
    string Name,
    MetricType Type,
    string? Source,
    Point Point,
    long? Period,
    string? DisplayName,
    string? Description,
    JsonElement Attributes);
