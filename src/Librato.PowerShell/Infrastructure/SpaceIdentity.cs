using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// A space as a parameter names it: a space object, an id (a number), or a name (text, wildcards allowed where
    /// the cmdlet says so). A chart names its own space.
    /// </summary>
    public sealed class SpaceIdentity
    {
        public SpaceIdentity(long id)
        {
            Id = id;
        }

        public SpaceIdentity(string name)
        {
            Name = name;
        }

        public SpaceIdentity(LibratoSpace space)
        {
            Id = space.Id;
            Name = space.Name;
            Space = space;
        }

        public long? Id { get; }

        public string? Name { get; }

        /// <summary>The space object when one was given, so no request is needed to know its name.</summary>
        public LibratoSpace? Space { get; }

        public override string ToString() =>
            Name ?? Id!.Value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Converts what a script passes; null when the value cannot name a space.</summary>
        internal static SpaceIdentity? From(object? value)
        {
            switch (value is PSObject pso ? pso.BaseObject : value)
            {
                case SpaceIdentity identity:
                    return identity;
                case LibratoSpace space:
                    return new SpaceIdentity(space);
                case LibratoChart chart when chart.SpaceId > 0:
                    return new SpaceIdentity(chart.SpaceId);
                case string text when text.Length > 0:
                    return new SpaceIdentity(text);
                case var other when IdentityConversion.PositiveId(other) is long id:
                    return new SpaceIdentity(id);
                default:
                    return null;
            }
        }
    }

    /// <summary>Lets a space parameter take a space object, a chart (its space), an id or a name.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class SpaceTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (raw == null)
            {
                // Optional space parameters take $null to clear what they name (Set-LibratoChart -RelatedSpace $null).
                return null;
            }

            return IdentityConversion.Each(raw, Convert);
        }

        private static SpaceIdentity Convert(object? value) =>
            SpaceIdentity.From(value) ?? throw new ArgumentTransformationMetadataException(
                $"Cannot use '{value}' as a space: give a space object (from Get-LibratoSpace), a space id (a positive number) or a space name.");
    }
}

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets a space id parameter take spaces (their id), charts (their space's id), numbers, and objects with a
    /// <c>SpaceId</c> or <c>Id</c> property. A chart has both, and its own <c>Id</c> must not be taken for its space's.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class SpaceIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var raw = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (raw is IEnumerable list && !(raw is string) && !(raw is IDictionary))
            {
                var ids = new List<long>();
                foreach (var item in list)
                {
                    var id = IdOf(item);
                    if (!id.HasValue)
                    {
                        return inputData;
                    }

                    ids.Add(id.Value);
                }

                return ids.ToArray();
            }

            var one = IdOf(inputData);
            return one.HasValue ? new[] { one.Value } : inputData;
        }

        private static long? IdOf(object? value)
        {
            switch (value is PSObject pso ? pso.BaseObject : value)
            {
                case LibratoSpace space:
                    return space.Id;
                case LibratoChart chart:
                    return chart.SpaceId;
                case string _:
                    return null;
                case IConvertible c when IdentityConversion.IsInteger(c):
                    return c.ToInt64(CultureInfo.InvariantCulture);
                case PSCustomObject _:
                    var properties = ((PSObject)value!).Properties;
                    var property = properties["SpaceId"] ?? properties["Id"];
                    return property?.Value is object v && !(v is string) && v is IConvertible n && IdentityConversion.IsInteger(n)
                        ? n.ToInt64(CultureInfo.InvariantCulture)
                        : (long?)null;
                default:
                    return null;
            }
        }
    }
}
