namespace Librato.Emulator.Composite;

internal enum LiteralKind
{
    String,
    Number,
    Boolean,
}
