namespace Librato.Emulator.Input;

internal enum NumberStatus
{
    Ok,
    Missing,
    NotANumber,
    NotAnInteger,
    TooLarge,
}
