using System.Collections.Generic;
using Microsoft.Extensions.Primitives;

namespace Librato.Emulator.Faults;

/// <summary>What a route answered while its response was held back, so a fault can replace or cut it.</summary>
internal sealed record CapturedResponse(int Status, string? ContentType, List<KeyValuePair<string, StringValues>> Headers, byte[] Body);
