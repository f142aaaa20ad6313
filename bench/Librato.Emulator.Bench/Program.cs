using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Librato.Emulator;
using Librato.Emulator.Bench;

// Measures how fast the emulator ingests measurements: it runs in this process (request log off), and several
// tasks post pre-serialized batches to it over loopback, legacy and tagged, timing each kind separately.
BenchOptions? parsed;
try
{
    parsed = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (parsed is not { } options)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var account = new EmulatorAccount("bench@example.com", "bench-token");
var emulatorOptions = new EmulatorOptions { RequestLogSize = 0 };
emulatorOptions.Accounts.Add(account);
await using var host = await EmulatorHost.StartAsync(emulatorOptions);
using var poster = new Poster(host.BaseAddress, account.Email, account.Token, options.Clients);

long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
long span = Workload.Seconds(Math.Max(options.Batches, options.WarmupBatches), options.BatchSize);
long firstTime = now - Math.Min(span + 3600, EmulatorOptions.DefaultMaxPastSeconds - 3600);
if (span + 7200 > EmulatorOptions.DefaultMaxPastSeconds)
{
    Console.Error.WriteLine("Too many batches: the series would not fit in the accepted time window.");
    return 2;
}

Console.WriteLine(
    $"Emulator ingest benchmark: {options.Clients} clients, {options.Batches} batches of {options.BatchSize} per kind and round, " +
    $"{options.Rounds} rounds, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

var kinds = new (string Name, string Path, int Status, Func<string, int, byte[][]> Bodies)[]
{
    ("legacy", "v1/metrics", 200, (prefix, count) => Workload.Legacy(prefix, count, options.BatchSize, firstTime)),
    ("tagged", "v1/measurements", 202, (prefix, count) => Workload.Tagged(prefix, count, options.BatchSize, firstTime)),
};

bool allStored = true;
foreach (var kind in kinds)
{
    host.State.Reset();
    await poster.PostAllAsync(kind.Path, kind.Bodies($"warm.{kind.Name}.", options.WarmupBatches), options.Clients, kind.Status);
    var rates = new List<double>();
    for (int round = 0; round < options.Rounds; round++)
    {
        var bodies = kind.Bodies($"bench.{kind.Name}.", options.Batches);
        host.State.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var elapsed = await poster.PostAllAsync(kind.Path, bodies, options.Clients, kind.Status);
        long sent = (long)options.Batches * options.BatchSize;
        long stored = host.State.GetStats(account.Email).Measurements;
        double rate = sent / elapsed.TotalSeconds;
        rates.Add(rate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {kind.Name} round {round + 1}: {sent:N0} sent, {stored:N0} stored in {elapsed.TotalSeconds:F2} s = {rate:N0} measurements/s"));
        if (stored != sent)
        {
            Console.Error.WriteLine($"  {kind.Name}: stored {stored} measurements but sent {sent}.");
            allStored = false;
        }
    }

    rates.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{kind.Name}: best {rates[^1]:N0} measurements/s, median {rates[rates.Count / 2]:N0} measurements/s"));
}

return allStored ? 0 : 1;
