using System;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Reads a measurement value as the pipeline does (InputConversion.TryNumber: invariant culture, a dot for the
    /// decimals, no thousands separators). PowerShell's own conversion reads "1,5" as 15 and $null as 0; here both are
    /// refused with the message a piped object gets, so no typo is stored as a different number.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class NumberAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => InputConversion.ReadValue(inputData);

        public override bool TransformNullOptionalParameters => true;
    }
}
