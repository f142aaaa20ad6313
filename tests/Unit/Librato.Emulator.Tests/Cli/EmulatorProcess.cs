using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Librato.Emulator.Tests.Cli;

/// <summary>Runs the emulator executable as a separate process, the way scripts do.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private EmulatorProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    public static EmulatorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Librato.Emulator.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new EmulatorProcess(Process.Start(start)!);
    }

    /// <summary>Runs to completion and returns the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var emulator = Start(args);
        var stdout = emulator.Process.StandardOutput.ReadToEndAsync();
        var stderr = emulator.Process.StandardError.ReadToEndAsync();
        await emulator.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (emulator.Process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Asks the process to stop as Ctrl+C or a service manager would.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", $"-TERM {Process.Id}")!;
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
