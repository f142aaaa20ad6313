using System;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>Lets TimeSpan parameters take a plain number as seconds (PowerShell would read it as ticks).</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class SecondsAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case int i:
                    return TimeSpan.FromSeconds(i);
                case long l:
                    return TimeSpan.FromSeconds(l);
                case double d:
                    return TimeSpan.FromSeconds(d);
                default:
                    return inputData;
            }
        }
    }
}
