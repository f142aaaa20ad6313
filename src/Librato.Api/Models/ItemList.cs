using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// A list held by an object the module writes (an alert's conditions and services, an event's links). As text
    /// (a CSV cell) it reads as its items, <c>a; b</c>, not as a type name.
    /// </summary>
    public sealed class ItemList<T> : List<T>
    {
        public ItemList()
        {
        }

        public ItemList(IEnumerable<T> items)
            : base(items)
        {
        }

        /// <summary>The list as given when it is one already, else a copy of it; the objects' setters keep their lists this type.</summary>
        public static ItemList<T> Of(IEnumerable<T> items) => items as ItemList<T> ?? new ItemList<T>(items);

        public override string ToString() => string.Join("; ", this);
    }
}
