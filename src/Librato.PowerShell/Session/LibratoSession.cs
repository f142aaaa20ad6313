using System;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// A connection to one Librato account. The API token lives only inside the client's credentials
    /// (a read-only SecureString); no property, serializer or <see cref="ToString"/> can reach it.
    /// </summary>
    public sealed class LibratoSession : IDisposable
    {
        private readonly LibratoClient client;

        internal LibratoSession(LibratoCredentials credentials, LibratoClientOptions options, bool allowUnencryptedAuthentication)
        {
            client = new LibratoClient(credentials, options);
            AllowUnencryptedAuthentication = allowUnencryptedAuthentication;
            ConnectedAt = DateTime.UtcNow;
        }

        public string Email => client.Credentials.Email;

        public Uri Endpoint => client.Options.Endpoint;

        public int TimeoutSec => (int)client.Options.Timeout.TotalSeconds;

        public bool AllowUnencryptedAuthentication { get; }

        public DateTime ConnectedAt { get; }

        public bool IsClosed { get; private set; }

        internal LibratoClient Client
        {
            get
            {
                if (IsClosed)
                {
                    throw new ObjectDisposedException(nameof(LibratoSession), "This Librato session was disconnected.");
                }

                return client;
            }
        }

        public void Dispose()
        {
            if (!IsClosed)
            {
                IsClosed = true;
                client.Dispose();
            }
        }

        public override string ToString() => Email + " at " + Endpoint;
    }
}
