using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class TransportSecurityTests
    {
        [Fact]
        public async Task An_untrusted_certificate_is_refused()
        {
            using var certificate = SelfSigned();
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = Task.Run(async () =>
            {
                using var socket = await listener.AcceptTcpClientAsync();
                using var ssl = new SslStream(socket.GetStream());
                try
                {
                    await ssl.AuthenticateAsServerAsync(certificate);
                    await ssl.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
                }
                catch (Exception ex) when (ex is IOException || ex is System.Security.Authentication.AuthenticationException)
                {
                    // The client hung up on the handshake, as it should.
                }
            });

            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri($"https://localhost:{port}"), MaxRetries = 0 });
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
            Assert.Equal(LibratoErrorKind.CertificateInvalid, ex.Kind);
            Assert.False(ex.IsTransient);
            Assert.True(ex.IsSessionProblem);
            Assert.Contains("UntrustedRoot", ex.Message);
            Assert.Contains("SSL_CERT_FILE", ex.Message);
            await server;
            listener.Stop();
        }

        [Fact]
        public async Task An_explicit_proxy_receives_the_requests()
        {
            var proxy = new TcpListener(IPAddress.Loopback, 0);
            proxy.Start();
            var port = ((IPEndPoint)proxy.LocalEndpoint).Port;
            var seen = Task.Run(async () =>
            {
                using var socket = await proxy.AcceptTcpClientAsync();
                var stream = socket.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var requestLine = await reader.ReadLineAsync();
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var body = "{\"query\":{\"found\":0,\"length\":0,\"offset\":0,\"total\":0},\"metrics\":[]}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
                return requestLine;
            });

            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions
                {
                    Endpoint = new Uri("http://metrics.librato.test"),
                    Proxy = new WebProxy(new Uri($"http://127.0.0.1:{port}")),
                    MaxRetries = 0,
                });
            var page = await client.ListMetricsAsync(null);
            Assert.Empty(page.Items);
            Assert.StartsWith("GET http://metrics.librato.test/v1/metrics", await seen);
            proxy.Stop();
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
