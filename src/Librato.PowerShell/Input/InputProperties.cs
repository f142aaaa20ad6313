using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Librato.PowerShell
{
    /// <summary>
    /// Reads the properties of one pipeline input at a time (a reader reuses one instance, so a million objects cost
    /// no extra allocations). Custom objects (<c>[pscustomobject]@{}</c>, Import-Csv, ConvertFrom-Json, Select-Object)
    /// are read from their own member table: PowerShell's general look-up also asks the type adapters and the type
    /// table, which for each property an object lacks costs more than reading all the ones it has.
    /// </summary>
    internal sealed class InputProperties
    {
        /// <summary>Every property a measurement can be read from; the own-table shortcut is checked against these.</summary>
        public static readonly string[] Names =
        {
            "Name", "Value", "Source", "Tags", "Time", "Type", "Period", "Count",
            "Sum", "Min", "Max", "SumSquares", "Last", "StdDev", "Description",
        };

        private const string PlainCustomObject = "System.Management.Automation.PSCustomObject";

        // PSObject keeps an object's own members in an internal collection; it has been there since PowerShell 2.
        // Without it (a future engine) every object simply takes the general look-up.
        private static readonly Func<PSObject, PSMemberInfoCollection<PSMemberInfo>>? OwnMembers =
            BindInternal<PSMemberInfoCollection<PSMemberInfo>>("InstanceMembers");

        // The public TypeNames hands out a writable copy and remembers it for the object (a weak-table entry per
        // object, which over millions of objects grows the heap); the internal list it copies is enough to read.
        private static readonly Func<PSObject, Collection<string>>? SharedTypeNames = BindInternal<Collection<string>>("InternalTypeNames");

        // Per first type name: whether the type table adds none of Names to such objects, so the own table tells all.
        private readonly Dictionary<string, bool> ownTableSuffices = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        private PSObject? pso;
        private PSMemberInfoCollection<PSMemberInfo>? own;
        private IDictionary? dictionary;

        [MethodImpl(HotPath.Optimized)]
        public void Use(PSObject input)
        {
            pso = input;
            dictionary = null;
            own = OwnTableOf(input);
        }

        public void Use(IDictionary input)
        {
            pso = null;
            own = null;
            dictionary = input;
        }

        public object? this[string name]
        {
            [MethodImpl(HotPath.Optimized)]
            get
            {
                if (own != null)
                {
                    return (own[name] as PSPropertyInfo)?.Value;
                }

                if (dictionary != null)
                {
                    return dictionary.Contains(name) ? dictionary[name] : null;
                }

                return pso!.Properties[name]?.Value;
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private PSMemberInfoCollection<PSMemberInfo>? OwnTableOf(PSObject input)
        {
            if (OwnMembers == null || !(input.BaseObject is PSCustomObject))
            {
                return null;
            }

            var typeNames = TypeNamesOf(input);
            var first = typeNames.Count > 0 ? typeNames[0] : PlainCustomObject;
            var table = OwnMembers(input);
            if (!ownTableSuffices.TryGetValue(first, out var suffices))
            {
                // Types.ps1xml can give a type name (PSTypeName, Select-Object's "Selected.*") extra properties that only
                // the general look-up sees: compare the two once per type name.
                suffices = string.Equals(first, PlainCustomObject, StringComparison.Ordinal) || Agree(input, table);
                ownTableSuffices[first] = suffices;
            }

            return suffices ? table : null;
        }

        private static bool Agree(PSObject input, PSMemberInfoCollection<PSMemberInfo> table)
        {
            foreach (var name in Names)
            {
                if ((input.Properties[name] == null) != (table[name] as PSPropertyInfo == null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An object's type names, for reading only.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static Collection<string> TypeNamesOf(PSObject input) => SharedTypeNames?.Invoke(input) ?? input.TypeNames;

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
