using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>A validated tagged measurement with the top-level defaults already applied.</summary>
internal sealed record TaggedMeasurement(string Name, TagSet Tags, Point Point, long? Period, JsonElement Attributes);
