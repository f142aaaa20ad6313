namespace Librato.Emulator.Cli;

/// <summary>What the command line asks for: options to run with, the usage text, or an error.</summary>
internal sealed class CommandLineResult
{
    private CommandLineResult(EmulatorOptions? options, bool helpRequested, string? error, bool showUsage)
    {
        Options = options;
        HelpRequested = helpRequested;
        Error = error;
        ShowUsage = showUsage;
    }

    public EmulatorOptions? Options { get; }

    public bool HelpRequested { get; }

    public string? Error { get; }

    /// <summary>Whether the usage text should follow the error (it helps for a mistyped option, not for a refused URL).</summary>
    public bool ShowUsage { get; }

    public static CommandLineResult Run(EmulatorOptions options) => new(options, false, null, false);

    public static CommandLineResult Help() => new(null, true, null, false);

    public static CommandLineResult Invalid(string error, bool showUsage = true) => new(null, false, error, showUsage);
}
