using System;

namespace Librato.Emulator.Composite;

/// <summary>
/// A composite definition that cannot be parsed or evaluated. The message is written for the API client and ends up
/// in <c>errors.params.compose</c> (or <c>composite</c> for saved metrics).
/// </summary>
internal sealed class CompositeException : Exception
{
    public CompositeException(string message)
        : base(message)
    {
    }

    public static CompositeException At(int position, string message) => new($"{message} at position {position}");
}
