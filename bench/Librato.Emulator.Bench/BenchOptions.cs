using System;
using System.Globalization;

namespace Librato.Emulator.Bench;

/// <summary>The command line of the benchmark.</summary>
internal sealed class BenchOptions
{
    public int Clients { get; private set; } = 4;

    public int Batches { get; private set; } = 3000;

    public int BatchSize { get; private set; } = 1000;

    public int WarmupBatches { get; private set; } = 500;

    public int Rounds { get; private set; } = 3;

    public const string Usage =
        "Usage: Librato.Emulator.Bench [--clients N] [--batches N] [--batch-size N] [--warmup N] [--rounds N]\n" +
        "  --clients     concurrent posting tasks (default 4)\n" +
        "  --batches     batches per kind and round (default 3000)\n" +
        "  --batch-size  measurements per batch (default 1000)\n" +
        "  --warmup      batches per kind sent before measuring (default 500)\n" +
        "  --rounds      measured rounds per kind; the best and the median are printed (default 3)";

    /// <summary>The options, or null when help was asked for.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                throw new ArgumentException($"{name} needs a positive whole number.\n{Usage}");
            }

            i++;
            switch (name)
            {
                case "--clients":
                    options.Clients = value;
                    break;
                case "--batches":
                    options.Batches = value;
                    break;
                case "--batch-size":
                    options.BatchSize = value;
                    break;
                case "--warmup":
                    options.WarmupBatches = value;
                    break;
                case "--rounds":
                    options.Rounds = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.\n{Usage}");
            }
        }

        return options;
    }
}
