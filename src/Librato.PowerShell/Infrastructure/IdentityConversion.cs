using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>What the chart and space identities share in reading ids and lists from what a script passes.</summary>
    internal static class IdentityConversion
    {
        /// <summary>
        /// A positive whole number of any integral type as an id; null for anything else, text included, so that
        /// "42" stays a name.
        /// </summary>
        public static long? PositiveId(object? value) =>
            value is IConvertible c && IsInteger(c) && c.ToDecimal(CultureInfo.InvariantCulture) > 0
                ? c.ToInt64(CultureInfo.InvariantCulture)
                : (long?)null;

        public static bool IsInteger(IConvertible c)
        {
            var code = c.GetTypeCode();
            return code >= TypeCode.SByte && code <= TypeCode.UInt64;
        }

        /// <summary>
        /// Converts a list item by item into an array (dictionaries and text count as one value), anything else as
        /// one value.
        /// </summary>
        public static object? Each<T>(object? inputData, Func<object?, T> convert)
        {
            var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (raw is IEnumerable list && !(raw is string) && !(raw is IDictionary))
            {
                var result = new List<T>();
                foreach (var item in list)
                {
                    result.Add(convert(item));
                }

                return result.ToArray();
            }

            return convert(raw);
        }
    }
}
