using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Librato.PowerShell
{
    /// <summary>The properties a measurement is read from, as slots of <see cref="InputProperties"/>.</summary>
    internal static class InputField
    {
        public const int Name = 0;
        public const int Value = 1;
        public const int Source = 2;
        public const int Tags = 3;
        public const int Time = 4;
        public const int Type = 5;
        public const int Period = 6;
        public const int Count = 7;
        public const int Sum = 8;
        public const int Min = 9;
        public const int Max = 10;
        public const int SumSquares = 11;
        public const int Last = 12;
        public const int StdDev = 13;
        public const int Description = 14;
    }

    /// <summary>
    /// Reads the properties of one pipeline input at a time into slots (a reader reuses one instance, so a million
    /// objects cost no extra allocations). Custom objects (<c>[pscustomobject]@{}</c>, Import-Csv, ConvertFrom-Json,
    /// Select-Object) are read by walking their own member table once: PowerShell's general look-up also asks the type
    /// adapters and the type table, and even the own table's by-name look-up takes a lock per property, which for
    /// fifteen properties per object costs more than everything else the module does with it.
    /// </summary>
    internal sealed class InputProperties
    {
        /// <summary>Every property a measurement can be read from, in slot order (<see cref="InputField"/>).</summary>
        public static readonly string[] Names =
        {
            "Name", "Value", "Source", "Tags", "Time", "Type", "Period", "Count",
            "Sum", "Min", "Max", "SumSquares", "Last", "StdDev", "Description",
        };

        private const string PlainCustomObject = "System.Management.Automation.PSCustomObject";

        private static readonly Dictionary<string, int> Slots = CreateSlots();

        // The slots a hashtable is most likely to hold come first: the look-ups stop once every key is found.
        private static readonly int[] LookUpOrder =
        {
            InputField.Name, InputField.Value, InputField.Time, InputField.Source, InputField.Tags, InputField.Type,
            InputField.Period, InputField.Count, InputField.Sum, InputField.Min, InputField.Max, InputField.SumSquares,
            InputField.Last, InputField.StdDev, InputField.Description,
        };

        // PSObject keeps an object's own members in an internal ordered dictionary; it has been there since
        // PowerShell 2. Without it (a future engine) every object simply takes the general look-up.
        private static readonly Func<PSObject, OrderedDictionary>? OwnMembers = BindOwnMembers();

        // The public TypeNames hands out a writable copy and remembers it for the object (a weak-table entry per
        // object, which over millions of objects grows the heap); the internal list it copies is enough to read.
        private static readonly Func<PSObject, Collection<string>>? SharedTypeNames = BindInternal<Collection<string>>("InternalTypeNames");

        // Per first type name: whether the type table adds none of Names to such objects, so the own table tells all.
        private readonly Dictionary<string, bool> ownTableSuffices = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        private readonly object?[] values = new object?[Names.Length];

        // Objects of one shape (one script's [pscustomobject]@{}, one CSV's rows) share their property name strings
        // and their first type name: remembering the last ones by reference spares a dictionary look-up per property.
        private readonly string?[] lastNames = new string?[Names.Length];
        private readonly int[] lastSlots = new int[Names.Length];
        private string? lastTypeName;
        private bool lastSuffices;

        /// <summary>The value read for a slot of <see cref="InputField"/>; null when the input has no such property.</summary>
        public object? this[int field] => values[field];

        /// <summary>Whether the last custom object was read from its own member table (the fast path); tests guard it per shape.</summary>
        internal bool ReadOwnTable { get; private set; }

        /// <summary>Whether the last dictionary was read by looking up property names (the fast path for hashtables).</summary>
        internal bool ReadByLookUp { get; private set; }

        [MethodImpl(HotPath.Optimized)]
        public void Use(PSObject input)
        {
            Array.Clear(values, 0, values.Length);
            var own = OwnTableOf(input);
            ReadOwnTable = own != null;
            if (own != null)
            {
                // Indexing an OrderedDictionary by position reads its entry list without the collection's lock; the
                // object is this pipeline's, so nothing adds members to it while it is read.
                for (var i = 0; i < own.Count; i++)
                {
                    if (own[i] is PSPropertyInfo property)
                    {
                        var slot = SlotOf(property.Name, i);
                        if (slot >= 0)
                        {
                            values[slot] = property.Value;
                        }
                    }
                }

                return;
            }

            var properties = input.Properties;
            for (var slot = 0; slot < Names.Length; slot++)
            {
                values[slot] = properties[Names[slot]]?.Value;
            }
        }

        /// <summary>The slot of a property name, -1 for none; <paramref name="position"/> is its place in the object.</summary>
        [MethodImpl(HotPath.Optimized)]
        private int SlotOf(string name, int position)
        {
            if (position < lastNames.Length && ReferenceEquals(name, lastNames[position]))
            {
                return lastSlots[position];
            }

            var slot = Slots.TryGetValue(name, out var found) ? found : -1;
            if (position < lastNames.Length)
            {
                lastNames[position] = name;
                lastSlots[position] = slot;
            }

            return slot;
        }

        [MethodImpl(HotPath.Optimized)]
        public void Use(IDictionary input)
        {
            Array.Clear(values, 0, values.Length);
            ReadByLookUp = input is Hashtable table && TryLookUp(table);
            if (ReadByLookUp)
            {
                return;
            }

            // IDictionary's own enumerator: a generic dictionary's plain one yields key-value pairs, not entries.
            var entry = input.GetEnumerator();
            while (entry.MoveNext())
            {
                var key = entry.Key as string ?? InputConversion.Unwrap(entry.Key)?.ToString();

                // An exact-case key wins over one that only matches ignoring case (@{ name = 1; Name = 2 } is legal
                // in a case-sensitive dictionary).
                if (key != null && Slots.TryGetValue(key, out var slot) &&
                    (values[slot] == null || string.Equals(key, Names[slot], StringComparison.Ordinal)))
                {
                    values[slot] = entry.Value;
                }
            }
        }

        /// <summary>
        /// Reads a hashtable (what <c>@{}</c> makes) by looking its keys up by property name. Enumerating it costs an
        /// enumerator object per input: over 300,000 hashtables that was half as much again as everything else a send
        /// allocated, and a process holding many custom objects pays for every collection that allocation brings.
        /// When the look-ups found as many keys as the table holds, each key is a property name and they found what
        /// enumerating would; otherwise (a key in another case in a case-sensitive table, a key that is not a string,
        /// a key of no property, a null value) the caller enumerates.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private bool TryLookUp(Hashtable table)
        {
            var count = table.Count;
            var found = 0;
            for (var i = 0; i < LookUpOrder.Length && found < count; i++)
            {
                var slot = LookUpOrder[i];
                var value = table[Names[slot]];
                if (value != null)
                {
                    values[slot] = value;
                    found++;
                }
            }

            if (found == count)
            {
                return true;
            }

            Array.Clear(values, 0, values.Length);
            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        private OrderedDictionary? OwnTableOf(PSObject input)
        {
            if (OwnMembers == null || !(input.BaseObject is PSCustomObject))
            {
                return null;
            }

            var typeNames = TypeNamesOf(input);
            var first = typeNames.Count > 0 ? typeNames[0] : PlainCustomObject;
            var table = OwnMembers(input);
            if (ReferenceEquals(first, lastTypeName))
            {
                return lastSuffices ? table : null;
            }

            if (!ownTableSuffices.TryGetValue(first, out var suffices))
            {
                // Types.ps1xml can give a type name (PSTypeName, Select-Object's "Selected.*") extra properties that only
                // the general look-up sees: compare the two once per type name.
                suffices = string.Equals(first, PlainCustomObject, StringComparison.Ordinal) || Agree(input, table);
                ownTableSuffices[first] = suffices;
            }

            lastTypeName = first;
            lastSuffices = suffices;
            return suffices ? table : null;
        }

        private static bool Agree(PSObject input, OrderedDictionary table)
        {
            foreach (var name in Names)
            {
                if ((input.Properties[name] == null) != !(table[name] is PSPropertyInfo))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An object's type names, for reading only.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static Collection<string> TypeNamesOf(PSObject input) => SharedTypeNames?.Invoke(input) ?? input.TypeNames;

        private static Dictionary<string, int> CreateSlots()
        {
            var slots = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Names.Length; i++)
            {
                slots[Names[i]] = i;
            }

            return slots;
        }

        private static Func<PSObject, OrderedDictionary>? BindOwnMembers()
        {
            try
            {
                // PSObject.InstanceMembers is an internal collection type; its Members property is the dictionary.
                var instanceMembers = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
                var collection = instanceMembers?.ReturnType;
                var members = collection?.GetProperty("Members", BindingFlags.Instance | BindingFlags.NonPublic)?.GetGetMethod(nonPublic: true);
                if (instanceMembers == null || collection == null || collection.IsValueType || members == null || members.ReturnType != typeof(OrderedDictionary))
                {
                    return null;
                }

                var chain = typeof(InputProperties).GetMethod(nameof(Chain), BindingFlags.Static | BindingFlags.NonPublic)!.MakeGenericMethod(collection);
                return (Func<PSObject, OrderedDictionary>)chain.Invoke(null, new object[] { instanceMembers, members })!;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is MemberAccessException || ex is AmbiguousMatchException || ex is TargetInvocationException)
            {
                return null;
            }
        }

        // Two typed delegates instead of reflection per object; the internal collection type is only a type argument.
        private static Func<PSObject, OrderedDictionary> Chain<TCollection>(MethodInfo first, MethodInfo second)
            where TCollection : class
        {
            var collectionOf = (Func<PSObject, TCollection>)Delegate.CreateDelegate(typeof(Func<PSObject, TCollection>), first);
            var membersOf = (Func<TCollection, OrderedDictionary>)Delegate.CreateDelegate(typeof(Func<TCollection, OrderedDictionary>), second);
            return pso => membersOf(collectionOf(pso));
        }

        private static Func<PSObject, T>? BindInternal<T>(string propertyName)
            where T : class
        {
            try
            {
                var property = typeof(PSObject).GetProperty(propertyName, BindingFlags.Instance | BindingFlags.NonPublic);
                var getter = property?.GetGetMethod(nonPublic: true);
                if (getter == null || !typeof(T).IsAssignableFrom(getter.ReturnType))
                {
                    return null;
                }

                return (Func<PSObject, T>)Delegate.CreateDelegate(typeof(Func<PSObject, T>), getter);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is MemberAccessException || ex is AmbiguousMatchException)
            {
                return null;
            }
        }
    }
}
