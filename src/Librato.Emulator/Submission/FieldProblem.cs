namespace Librato.Emulator.Submission;

/// <summary>Why one measurement was rejected: the offending field and a message about it.</summary>
internal readonly record struct FieldProblem(string Field, string Message);
