using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets -Tag and -Tags take <c>'name=value'</c> strings as well as a hashtable. Tab can complete a string (the tag
    /// pairs of the metric), while PowerShell never asks a completer about the inside of a <c>@{ }</c> literal. A name
    /// given twice gets both values, which a filter reads as either one; tags of a measurement (<see cref="OneValueEach"/>)
    /// refuse it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class TagTableAttribute : ArgumentTransformationAttribute
    {
        /// <summary>True for the tags of measurements, which have one value per tag; false for filters.</summary>
        public bool OneValueEach { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value == null || value is IDictionary)
            {
                return value;
            }

            IList<object?>? pairs = value is string one ? new List<object?> { one } : value is IEnumerable many ? Items(many) : null;
            if (pairs == null)
            {
                return inputData;
            }

            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var item in pairs)
            {
                var text = (item is PSObject wrapped ? wrapped.BaseObject : item) as string;
                if (text == null)
                {
                    // Not a list of strings (a list of hashtables, say): let binding say what it cannot convert.
                    return inputData;
                }

                var equals = text.IndexOf('=');
                if (equals <= 0)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"The tag '{text}' is not name=value. Give tags as 'name=value' strings (-Tags 'region=us-east', 'host=web1') or as a hashtable (@{{ region = 'us-east' }}).");
                }

                var name = text.Substring(0, equals).Trim();
                var tagValue = text.Substring(equals + 1).Trim();
                if (OneValueEach && table[name] != null)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"The tag '{name}' is given twice ('{table[name]}' and '{tagValue}'); a measurement has one value for each tag name.");
                }

                table[name] = table[name] switch
                {
                    null => tagValue,
                    object[] earlier => Append(earlier, tagValue),
                    var earlier => new object[] { earlier, tagValue },
                };
            }

            return table;
        }

        private static List<object?> Items(IEnumerable many)
        {
            var items = new List<object?>();
            foreach (var item in many)
            {
                items.Add(item);
            }

            return items;
        }

        private static object[] Append(object[] earlier, object value)
        {
            var all = new object[earlier.Length + 1];
            earlier.CopyTo(all, 0);
            all[earlier.Length] = value;
            return all;
        }
    }
}
