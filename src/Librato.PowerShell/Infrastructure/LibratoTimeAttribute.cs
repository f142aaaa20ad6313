using System;
using System.Globalization;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets time parameters take epoch seconds (as the API writes them) and DateTimeOffset values as well as DateTime.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class LibratoTimeAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Convert(inputData);

        internal static object? Convert(object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case DateTimeOffset offset:
                    return offset.UtcDateTime;
                case int i:
                    return EpochTime.ToDateTime(i);
                case long l:
                    return EpochTime.ToDateTime(l);
                case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                    return EpochTime.ToDateTime((long)Math.Floor(d));
                case string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds):
                    return EpochTime.ToDateTime(seconds);
                default:
                    return inputData;
            }
        }
    }
}
