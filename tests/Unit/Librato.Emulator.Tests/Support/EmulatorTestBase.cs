using System;
using Xunit;

namespace Librato.Emulator.Tests.Support;

/// <summary>Starts every test from an empty emulator; tests in a class run one after another, so resetting is safe.</summary>
public abstract class EmulatorTestBase : IClassFixture<EmulatorFixture>
{
    protected EmulatorTestBase(EmulatorFixture fixture)
    {
        Fixture = fixture;
        fixture.State.Reset();
    }

    protected EmulatorFixture Fixture { get; }

    protected ApiClient Api => Fixture.Api;

    protected EmulatorState State => Fixture.State;

    protected static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A time in the recent past that is a multiple of <paramref name="alignment"/>, so rollup buckets are predictable.</summary>
    protected static long AlignedPast(long alignment, long alignmentsBack) => ((Now / alignment) - alignmentsBack) * alignment;
}
