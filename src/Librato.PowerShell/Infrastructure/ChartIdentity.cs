using System;
using System.Globalization;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// A chart as a parameter names it: a chart object (which knows its space), or a chart id or exact chart name
    /// within the space given with -Space.
    /// </summary>
    public sealed class ChartIdentity
    {
        public ChartIdentity(long id)
        {
            Id = id;
        }

        public ChartIdentity(string name)
        {
            Name = name;
        }

        public ChartIdentity(LibratoChart chart)
        {
            Id = chart.Id;
            Name = chart.Name;
            Chart = chart;
        }

        public long? Id { get; }

        public string? Name { get; }

        public LibratoChart? Chart { get; }

        public override string ToString() => Name ?? Id!.Value.ToString(CultureInfo.InvariantCulture);

        internal static ChartIdentity? From(object? value)
        {
            switch (value is PSObject pso ? pso.BaseObject : value)
            {
                case ChartIdentity identity:
                    return identity;
                case LibratoChart chart:
                    return new ChartIdentity(chart);
                case string text when text.Length > 0:
                    return new ChartIdentity(text);
                case var other when IdentityConversion.PositiveId(other) is long id:
                    return new ChartIdentity(id);
                default:
                    return null;
            }
        }
    }

    /// <summary>Lets a chart parameter take a chart object, a chart id or a chart name.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class ChartTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            IdentityConversion.Each(inputData, Convert);

        private static ChartIdentity Convert(object? value) =>
            ChartIdentity.From(value) ?? throw new ArgumentTransformationMetadataException(
                $"Cannot use '{value}' as a chart: give a chart object (from Get-LibratoChart), or a chart id or name with -Space.");
    }
}
