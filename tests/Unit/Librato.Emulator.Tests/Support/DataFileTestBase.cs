using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Librato.Emulator.Tests.Support;

/// <summary>
/// Tests of the data file: each starts its own emulators on a file in a fresh directory (so that a restart can read
/// what the one before saved), and talks to them as the default account.
/// </summary>
public abstract class DataFileTestBase : IDisposable
{
    protected const string Email = "demo@example.com";
    protected const string Token = "demo-token";

    protected DataFileTestBase()
    {
        DataPath = Folder.File("state.json");
    }

    /// <summary>The directory that holds the data file, deleted after the test.</summary>
    protected TempDirectory Folder { get; } = new();

    protected string DataPath { get; }

    protected static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<EmulatorHost> Start(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { DataFile = DataPath };
        configure?.Invoke(options);
        return EmulatorHost.StartAsync(options);
    }

    protected static async Task<ApiResponse> Send(EmulatorHost host, HttpMethod method, string path, string? json = null, string email = Email, string token = Token)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = ApiClient.Body(json, false, "application/json");
        }

        return await new ApiClient(http, email, token).SendAsync(request);
    }
}
