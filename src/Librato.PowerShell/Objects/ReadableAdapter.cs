using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// How PowerShell sees the properties of the module's read-back objects (points, metrics, alerts, alert status,
    /// annotations; Librato.Types.ps1xml names the types). Export-Csv and ConvertTo-Csv write each value with its own
    /// ToString, which for a DateTime is the culture's date without a zone and for a TimeSpan <c>00:01:07.6647521</c>.
    /// This adapter hands out the same properties, in the order the classes declare them, with each time wrapped so
    /// that its ToString is ISO 8601 with the local offset (<c>2026-12-07T11:05:00-06:00</c>, the time the tables
    /// show) and each duration so that its ToString is <c>1m07s</c>. The wrapper is transparent to everything else:
    /// the value is still a DateTime or TimeSpan to casts, comparisons, sorting, arithmetic, Get-Member and ToString
    /// with a format, and ConvertTo-Json writes it as before.
    /// </summary>
    public sealed class ReadableAdapter : PSPropertyAdapter
    {
        private static readonly ConcurrentDictionary<Type, TypeProperties> Types = new ConcurrentDictionary<Type, TypeProperties>();

        private static readonly PSCodeMethod TimeToStringMethod = new PSCodeMethod("ToString", typeof(ReadableAdapter).GetMethod(nameof(TimeToString))!);

        private static readonly PSCodeMethod DurationToStringMethod = new PSCodeMethod("ToString", typeof(ReadableAdapter).GetMethod(nameof(DurationToString))!);

        /// <inheritdoc />
        public override Collection<PSAdaptedProperty> GetProperties(object baseObject) =>
            new Collection<PSAdaptedProperty>(Of(baseObject).Ordered.Select(p => new PSAdaptedProperty(p.Name, p)).ToList());

        /// <inheritdoc />
        public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName) =>
            Of(baseObject).ByName.TryGetValue(propertyName, out var property) ? new PSAdaptedProperty(property.Name, property) : null;

        /// <inheritdoc />
        public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).PropertyType.FullName!;

        /// <inheritdoc />
        public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) =>
            Readable(Info(adaptedProperty).GetValue(adaptedProperty.BaseObject));

        /// <inheritdoc />
        public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

        /// <inheritdoc />
        public override bool IsSettable(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).SetMethod?.IsPublic == true;

        /// <inheritdoc />
        public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object? value)
        {
            var property = Info(adaptedProperty);
            property.SetValue(adaptedProperty.BaseObject, LanguagePrimitives.ConvertTo(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        /// <summary>A time or duration wrapped so that it writes itself readably; any other value as it is.</summary>
        public static object? Readable(object? value) => value switch
        {
            DateTime time => Wrap(time, TimeToStringMethod),
            TimeSpan duration => Wrap(duration, DurationToStringMethod),
            _ => value,
        };

        /// <summary><c>2026-12-07T11:05:00-06:00</c>: the local time the tables show, with the offset that makes it unambiguous.</summary>
        public static string IsoText(DateTime time) =>
            DisplayTime.Local(time).ToString(
                time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
                CultureInfo.InvariantCulture);

        /// <summary>The ToString of a wrapped time: ISO 8601 without arguments, DateTime's own with a format or provider.</summary>
        public static string TimeToString(PSObject instance, params object[] arguments) =>
            arguments.Length == 0 ? IsoText((DateTime)instance.BaseObject) : FormatWith(instance.BaseObject, arguments);

        /// <summary>The ToString of a wrapped duration: <c>1m07s</c> without arguments, TimeSpan's own with a format or provider.</summary>
        public static string DurationToString(PSObject instance, params object[] arguments) =>
            arguments.Length == 0 ? DurationText.Format((TimeSpan)instance.BaseObject) : FormatWith(instance.BaseObject, arguments);

        private static PSObject Wrap(object value, PSCodeMethod toString)
        {
            var wrapped = new PSObject(value);
            wrapped.Members.Add(toString.Copy());
            return wrapped;
        }

        // What the value's own overloads take: ToString('o'), ToString('yyyy', $culture), ToString($culture).
        private static string FormatWith(object value, object[] arguments)
        {
            static object? Unwrap(object? o) => o is PSObject p ? p.BaseObject : o;
            var format = Unwrap(arguments[0]) as string;
            var provider = Unwrap(arguments[arguments.Length - 1]) as IFormatProvider;
            return ((IFormattable)value).ToString(format, provider ?? CultureInfo.CurrentCulture);
        }

        private static PropertyInfo Info(PSAdaptedProperty property) => (PropertyInfo)property.Tag;

        private static TypeProperties Of(object baseObject) => Types.GetOrAdd(baseObject.GetType(), type => new TypeProperties(type));

        // The public instance properties in declaration order (metadata order), which is the order a CSV should read.
        private sealed class TypeProperties
        {
            public TypeProperties(Type type)
            {
                Ordered = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true)
                    .OrderBy(p => p.MetadataToken)
                    .ToArray();
                ByName = Ordered.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            }

            public PropertyInfo[] Ordered { get; }

            public Dictionary<string, PropertyInfo> ByName { get; }
        }
    }
}
