using System;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets time parameters take epoch seconds of any numeric type (as the API writes them), numeric strings and
    /// DateTimeOffset values as well as DateTime. A number that is no time (epoch milliseconds, say) is refused with
    /// what it was taken for.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class LibratoTimeAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case DateTime _:
                    return value;
                case DateTimeOffset offset:
                    return offset.UtcDateTime;
            }

            if (value is string s && !IsNumber(s))
            {
                // A date string: PowerShell's own conversion reads it.
                return inputData;
            }

            switch (InputConversion.TryTime(value, out var epoch, out var understood))
            {
                case TimeReading.Ok:
                    return epoch.HasValue ? Librato.Api.EpochTime.ToDateTime(epoch.Value) : inputData;
                case TimeReading.OutOfRange:
                    throw new ArgumentTransformationMetadataException($"The time {value} is not a time a measurement can have: {understood}.");
                default:
                    return inputData;
            }
        }

        private static bool IsNumber(string s) =>
            double.TryParse(s.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
