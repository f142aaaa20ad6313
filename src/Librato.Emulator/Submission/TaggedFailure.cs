namespace Librato.Emulator.Submission;

/// <summary>One rejected measurement of a tagged submission, as listed in the response's <c>errors</c>.</summary>
internal readonly record struct TaggedFailure(int Index, string? Name, string Param, string Reason);
