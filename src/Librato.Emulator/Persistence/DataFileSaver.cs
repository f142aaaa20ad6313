using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Librato.Emulator.Persistence;

/// <summary>Saves the data file every few seconds while the emulator runs, when something changed, and once more at the end.</summary>
internal sealed class DataFileSaver : IAsyncDisposable
{
    private readonly DataFile file;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public DataFileSaver(DataFile file, TimeSpan interval, ILogger logger)
    {
        this.file = file;
        this.logger = logger;
        loop = RunAsync(interval);
    }

    /// <summary>Stops the periodic saves and saves whatever changed since the last one.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
        TrySave();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                TrySave();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping; the final save follows in DisposeAsync.
        }
    }

    private void TrySave()
    {
        try
        {
            file.SaveIfChanged();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The previous save is still intact (only the temporary file was being written); try again next time.
            logger.LogWarning("Could not save the data file {Path}: {Message}", file.Path, exception.Message);
        }
    }
}
