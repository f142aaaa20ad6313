namespace Librato.Api
{
    /// <summary>The positions 0 to n - 1 of a batch, made once per size: every batch taken whole uses them.</summary>
    internal static class Positions
    {
        private static readonly int[]?[] Cache = new int[MeasurementBatcher.MaxBatchSize + 1][];

        public static int[] UpTo(int count)
        {
            if (count > MeasurementBatcher.MaxBatchSize)
            {
                return Make(count);
            }

            // A race makes two equal arrays; either serves.
            return Cache[count] ??= Make(count);
        }

        private static int[] Make(int count)
        {
            var positions = new int[count];
            for (var i = 0; i < count; i++)
            {
                positions[i] = i;
            }

            return positions;
        }
    }
}
