namespace Librato.Emulator.Storage;

/// <summary>A value that may be absent, where null is itself a meaningful value (it clears a field).</summary>
internal readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);
}
