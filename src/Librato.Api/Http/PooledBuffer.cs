using System;
using System.Buffers;

namespace Librato.Api
{
    /// <summary>
    /// A growable byte buffer rented from the shared array pool. A send of a million measurements writes a few
    /// thousand bodies of tens of kilobytes each; renting them keeps that from becoming garbage, and garbage is dear
    /// when the caller's heap holds the million objects being sent (every collection walks their handles).
    /// </summary>
    internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[]? array;

        public PooledBuffer(int capacity)
        {
            array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        }

        public int Length { get; private set; }

        /// <summary>The rented array; valid up to <see cref="Length"/>, and only until this buffer is disposed.</summary>
        public byte[] Array => array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

        public void Advance(int count)
        {
            if (count < 0 || Length + count > Array.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            Length += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return Array.AsMemory(Length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return Array.AsSpan(Length);
        }

        public byte[] ToArray() => Array.AsSpan(0, Length).ToArray();

        /// <summary>Empties the buffer, keeping its array for the next writes.</summary>
        public void Clear() => Length = 0;

        public void Dispose()
        {
            var rented = array;
            array = null;
            if (rented != null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private void Reserve(int sizeHint)
        {
            var current = Array;
            var needed = Length + Math.Max(sizeHint, 1);
            if (needed <= current.Length)
            {
                return;
            }

            // The pool hands out powers of two: the array at least doubles, so a growing body is copied few times.
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            Buffer.BlockCopy(current, 0, larger, 0, Length);
            array = larger;
            ArrayPool<byte>.Shared.Return(current);
        }
    }
}
