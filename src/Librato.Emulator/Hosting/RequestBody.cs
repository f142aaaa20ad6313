using System;
using System.Buffers;
using System.Threading;

namespace Librato.Emulator.Hosting;

/// <summary>
/// A request body as read off the wire: the raw bytes, and the decompressed content or why it could not be had.
/// The raw bytes and the decompressed content may sit in pooled arrays; <see cref="Release"/> returns them once
/// nothing reads the body any more.
/// </summary>
internal sealed class RequestBody
{
    private byte[]? rented;
    private byte[]? rentedContent;

    private RequestBody(ReadOnlyMemory<byte> raw, ReadOnlyMemory<byte>? content, int errorStatus, string? error, byte[]? rented, byte[]? rentedContent = null)
    {
        Raw = raw;
        Content = content;
        ErrorStatus = errorStatus;
        Error = error;
        this.rented = rented;
        this.rentedContent = rentedContent;
    }

    public ReadOnlyMemory<byte> Raw { get; }

    public ReadOnlyMemory<byte>? Content { get; }

    public int ErrorStatus { get; }

    public string? Error { get; }

    public static RequestBody Decoded(ReadOnlyMemory<byte> raw, ReadOnlyMemory<byte> content, byte[]? rented = null, byte[]? rentedContent = null) =>
        new(raw, content, 0, null, rented, rentedContent);

    public static RequestBody Failed(ReadOnlyMemory<byte> raw, int status, string error, byte[]? rented = null) =>
        new(raw, null, status, error, rented);

    public static RequestBody Empty { get; } = new(ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, 0, null, null);

    /// <summary>Returns the pooled arrays, if any. Neither <see cref="Raw"/> nor <see cref="Content"/> may be read afterwards.</summary>
    public void Release()
    {
        Return(ref rented);
        Return(ref rentedContent);
    }

    private static void Return(ref byte[]? field)
    {
        if (Interlocked.Exchange(ref field, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
