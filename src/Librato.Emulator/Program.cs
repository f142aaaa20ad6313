using System;
using System.IO;
using Librato.Emulator;
using Librato.Emulator.Cli;

var parsed = CommandLineParser.Parse(args);
if (parsed.HelpRequested)
{
    Console.Out.WriteLine(Usage.Text);
    return 0;
}

if (parsed.Error is not null)
{
    Console.Error.WriteLine(parsed.Error);
    if (parsed.ShowUsage)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine(Usage.Text);
    }

    return 2;
}

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(parsed.Options!);
}
catch (InvalidDataException exception)
{
    // A data file that cannot be read is never overwritten; the message says what to do about it.
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (IOException exception)
{
    // Kestrel reports a port already in use as an IOException; say so plainly rather than with a stack trace.
    Console.Error.WriteLine($"Could not listen on {parsed.Options!.Urls}: {exception.Message}");
    return 1;
}

await using (host)
{
    Console.Out.WriteLine($"Librato emulator listening on {host.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();
    await host.WaitForShutdownAsync();
}

return 0;
