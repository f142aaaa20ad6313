using System;
using System.Threading.Tasks;
using Librato.Emulator;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>A real emulator on a free loopback port, shared by the tests of one class.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string Email = "demo@example.com";
        public const string Token = "demo-token";

        private EmulatorHost? host;

        public EmulatorHost Host => host ?? throw new InvalidOperationException("The emulator has not started.");

        public Uri BaseAddress => Host.BaseAddress;

        public LibratoClient CreateClient(string token = Token, TimeSpan? timeout = null, IRequestTrace? trace = null) =>
            new LibratoClient(
                new LibratoCredentials(Email, token),
                new LibratoClientOptions { Endpoint = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

        public async Task InitializeAsync() => host = await EmulatorHost.StartAsync(new EmulatorOptions());

        public async Task DisposeAsync()
        {
            if (host != null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
