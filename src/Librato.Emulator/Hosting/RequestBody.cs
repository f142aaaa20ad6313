using System;

namespace Librato.Emulator.Hosting;

/// <summary>A request body as read off the wire: the raw bytes, and the decompressed content or why it could not be had.</summary>
internal sealed class RequestBody
{
    private RequestBody(byte[] raw, byte[]? content, int errorStatus, string? error)
    {
        Raw = raw;
        Content = content;
        ErrorStatus = errorStatus;
        Error = error;
    }

    public byte[] Raw { get; }

    public byte[]? Content { get; }

    public int ErrorStatus { get; }

    public string? Error { get; }

    public static RequestBody Decoded(byte[] raw, byte[] content) => new(raw, content, 0, null);

    public static RequestBody Failed(byte[] raw, int status, string error) => new(raw, null, status, error);

    public static RequestBody Empty { get; } = new(Array.Empty<byte>(), Array.Empty<byte>(), 0, null);
}
