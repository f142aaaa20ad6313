using System.Collections.Generic;

namespace Librato.Emulator.Spaces;

/// <summary>A tag filter of a chart stream; <see cref="Grouped"/> and <see cref="Dynamic"/> are null when not sent.</summary>
internal sealed record StreamTag(string Name, IReadOnlyList<string> Values, bool? Grouped, bool? Dynamic);
