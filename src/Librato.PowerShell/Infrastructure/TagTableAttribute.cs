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

            var pairs = value is string one ? new[] { one } : value as IEnumerable;
            if (pairs == null)
            {
                return inputData;
            }

            var values = new Dictionary<string, List<object>>(StringComparer.OrdinalIgnoreCase);
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
                if (!values.TryGetValue(name, out var given))
                {
                    values[name] = given = new List<object>();
                }
                else if (OneValueEach)
                {
                    throw new ArgumentTransformationMetadataException(
                        $"The tag '{name}' is given twice ('{given[0]}' and '{tagValue}'); a measurement has one value for each tag name.");
                }

                given.Add(tagValue);
            }

            var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in values)
            {
                table[pair.Key] = pair.Value.Count == 1 ? pair.Value[0] : pair.Value.ToArray();
            }

            return table;
        }
    }
}
