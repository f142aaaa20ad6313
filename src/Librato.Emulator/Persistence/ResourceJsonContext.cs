using System.Collections.Generic;
using System.Text.Json.Serialization;
using Librato.Emulator.Jobs;
using Librato.Emulator.Services;
using Librato.Emulator.Snapshots;

namespace Librato.Emulator.Persistence;

/// <summary>
/// How the resource sections of the data file are written: the stores' own records with snake_case names. Reading
/// is strict (a missing field, a null where none is allowed or an unknown field is an error), so a damaged file
/// stops the start instead of coming back subtly different.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<SavedStream>))]
[JsonSerializable(typeof(SavedSpaces))]
[JsonSerializable(typeof(List<Service>))]
[JsonSerializable(typeof(List<SavedAlert>))]
[JsonSerializable(typeof(List<Snapshot>))]
[JsonSerializable(typeof(List<Job>))]
[JsonSerializable(typeof(List<SavedApiToken>))]
[JsonSerializable(typeof(SavedIds))]
internal sealed partial class ResourceJsonContext : JsonSerializerContext
{
}
