using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// A measurement's tags to <c>foreach</c> over. The reader builds <see cref="Dictionary{TKey, TValue}"/> instances,
    /// and enumerating one through <see cref="IDictionary{TKey, TValue}"/> boxes its enumerator: one allocation per
    /// measurement each time tags are validated, keyed or written. This takes the dictionary's own struct enumerator
    /// when it can, and the interface otherwise.
    /// </summary>
    internal readonly struct TagPairs
    {
        private readonly IDictionary<string, string> tags;

        private TagPairs(IDictionary<string, string> tags)
        {
            this.tags = tags;
        }

        public static TagPairs Of(IDictionary<string, string> tags) => new TagPairs(tags);

        public Enumerator GetEnumerator() => new Enumerator(tags);

        internal struct Enumerator : System.IDisposable
        {
            private readonly IEnumerator<KeyValuePair<string, string>>? other;
            private readonly bool isDictionary;
            private Dictionary<string, string>.Enumerator dictionary;

            public Enumerator(IDictionary<string, string> tags)
            {
                if (tags is Dictionary<string, string> d)
                {
                    dictionary = d.GetEnumerator();
                    isDictionary = true;
                    other = null;
                }
                else
                {
                    dictionary = default;
                    isDictionary = false;
                    other = tags.GetEnumerator();
                }
            }

            public KeyValuePair<string, string> Current => isDictionary ? dictionary.Current : other!.Current;

            public bool MoveNext() => isDictionary ? dictionary.MoveNext() : other!.MoveNext();

            public void Dispose() => other?.Dispose();
        }
    }
}
