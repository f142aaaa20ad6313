using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// One measurement of a tagged read: its bucket time, its value under the summary (and group) function, and the
/// rolled-up point it came from, which <c>summary_function=all</c> writes out in full.
/// </summary>
internal readonly record struct TaggedValue(long Time, double Value, Point Point);
