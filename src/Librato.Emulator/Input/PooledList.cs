using System;
using System.Buffers;

namespace Librato.Emulator.Input;

/// <summary>
/// A growable list of structs on pooled arrays, for per-request scratch data that would otherwise allocate a
/// fresh array for every submission. Items are handed out by reference; dispose to return the array.
/// </summary>
internal sealed class PooledList<T> : IDisposable
    where T : struct
{
    private T[] items;

    public PooledList(int capacity = 16)
    {
        items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 4));
    }

    public int Count { get; private set; }

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ref items[index];
        }
    }

    /// <summary>Appends a default item and returns a reference to it.</summary>
    public ref T Add()
    {
        if (Count == items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(items.Length * 2);
            Array.Copy(items, larger, Count);
            ArrayPool<T>.Shared.Return(items, clearArray: false);
            items = larger;
        }

        ref T item = ref items[Count++];
        item = default;
        return ref item;
    }

    public void Clear() => Count = 0;

    public void Dispose()
    {
        var array = items;
        items = Array.Empty<T>();
        Count = 0;
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: false);
        }
    }
}
