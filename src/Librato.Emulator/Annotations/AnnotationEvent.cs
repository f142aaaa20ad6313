using System.Collections.Generic;

namespace Librato.Emulator.Annotations;

/// <summary>One annotation event; a null <see cref="Source"/> is listed as "unassigned".</summary>
internal sealed record AnnotationEvent(
    long Id,
    string Title,
    string? Description,
    string? Source,
    long StartTime,
    long? EndTime,
    IReadOnlyList<AnnotationLink> Links);
