using System.Collections.Generic;
using Librato.Emulator.Spaces;

namespace Librato.Emulator.Persistence;

/// <summary>An account's spaces and their charts, as the data file keeps them; each chart names its space.</summary>
internal sealed record SavedSpaces(IReadOnlyList<Space> Spaces, IReadOnlyList<Chart> Charts);
