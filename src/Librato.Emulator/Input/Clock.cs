using System;

namespace Librato.Emulator.Input;

internal static class Clock
{
    public static long NowSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static long NowMilliseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
