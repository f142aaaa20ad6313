using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>One page of a paginated list, with the envelope's counts.</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, int offset, int length, int found, int total)
        {
            Items = items;
            Offset = offset;
            Length = length;
            Found = found;
            Total = total;
        }

        public IReadOnlyList<T> Items { get; }

        public int Offset { get; }

        public int Length { get; }

        public int Found { get; }

        public int Total { get; }

        /// <summary>True when another page follows this one.</summary>
        public bool HasMore => Items.Count > 0 && Offset + Items.Count < Found;

        public int NextOffset => Offset + Items.Count;
    }
}
