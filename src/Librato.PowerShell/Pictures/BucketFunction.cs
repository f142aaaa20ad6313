namespace Librato.PowerShell.Pictures
{
    /// <summary>How the values that fall into one column are combined into the value drawn.</summary>
    public enum BucketFunction
    {
        Mean,
        Sum,
        Min,
        Max,
    }
}
