using System.Collections.Generic;

namespace Librato.Emulator.Alerts;

/// <summary>A tag filter of an alert condition; values may hold '*' wildcards.</summary>
internal sealed record AlertTag(string Name, bool Grouped, IReadOnlyList<string> Values);
