using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

internal static class TypeConflict
{
    public const string Param = "type";

    /// <summary>The exact wording statsd-librato-backend parses out of <c>errors.params.type</c>.</summary>
    public static string Message(string name, MetricType existing) =>
        $"'{name}' is a {existing.ToApiName()}, but was submitted as different type";
}
