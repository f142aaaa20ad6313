using System;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets TimeSpan parameters take a plain number as seconds (PowerShell would read it as ticks), and durations
    /// written as <c>90s</c>, <c>5m</c>, <c>2h30m</c> or <c>1d</c>
    /// (PowerShell parses <c>90s</c> and <c>1d</c> as numbers with a type suffix; those are read as meant).
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class SecondsAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case decimal days:
                    // PowerShell reads the 1d a user types as the decimal 1 ('d' is its decimal suffix), and no one
                    // passes seconds as a decimal, so a decimal is days.
                    return TimeSpan.FromDays((double)days);
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case float _:
                case double _:
                case System.Numerics.BigInteger _:
                    // 30s arrives as the short 30 ('s' is PowerShell's short suffix), which is still 30 seconds.
                    return TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                case string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number):
                    // "60" is a minute here, as 60 is, not the sixty days TimeSpan.Parse would make of it.
                    return TimeSpan.FromSeconds(number);
                case string s when DurationText.TryParse(s, out var duration):
                    return duration;
                case string s when !TimeSpan.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _):
                    // The runtime's own message ("not recognized as a valid TimeSpan") does not say what would be.
                    throw new ArgumentTransformationMetadataException(
                        $"'{s}' is not a duration: write it as 90s, 5m, 2h30m or 1d, as a number of seconds (3600), or as hh:mm:ss (01:00:00).");
                default:
                    return inputData;
            }
        }
    }
}
