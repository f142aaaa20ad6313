using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Reflection;

namespace Librato.Api
{
    /// <summary>
    /// Builds the HTTP handler: on .NET Core a SocketsHttpHandler (found at run time, since this library targets
    /// netstandard2.0) so that the connect timeout is separate from the response timeout and pooled connections are
    /// renewed; elsewhere (Windows PowerShell 5.1) an HttpClientHandler. Certificate validation is always the
    /// platform's; nothing here can turn it off: the observer only records why a certificate was refused. Redirects
    /// are not followed (see <see cref="ApiTransport"/>).
    /// </summary>
    internal static class HandlerFactory
    {
        // Stryker disable once Boolean : the type is there on every runtime that has it; asking to throw changes nothing there
        private static readonly Type? SocketsHandler = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);

        /// <summary>True when the connect timeout is honoured separately (it is on .NET Core, not on .NET Framework).</summary>
        public static bool SupportsConnectTimeout => SocketsHandler != null;

        public static HttpMessageHandler Create(LibratoClientOptions options, CertificateObserver certificates) =>
            Create(options, certificates, SocketsHandler);

        /// <param name="socketsHandler">The SocketsHttpHandler type, or null for the .NET Framework handler.</param>
        internal static HttpMessageHandler Create(LibratoClientOptions options, CertificateObserver certificates, Type? socketsHandler)
        {
            var proxy = options.Proxy;
            if (socketsHandler != null)
            {
                var handler = (HttpMessageHandler)Activator.CreateInstance(socketsHandler)!;
                Set(handler, "ConnectTimeout", options.ConnectTimeout);
                Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
                Set(handler, "UseCookies", false);
                Set(handler, "AllowAutoRedirect", false);
                var ssl = handler.GetType().GetProperty("SslOptions", BindingFlags.Public | BindingFlags.Instance)?.GetValue(handler);
                if (ssl != null)
                {
                    Set(ssl, "RemoteCertificateValidationCallback", new RemoteCertificateValidationCallback(certificates.Validate));
                }

                // Renewing pooled connections lets a long-running runbook follow DNS changes of the endpoint.
                Set(handler, "PooledConnectionLifetime", TimeSpan.FromMinutes(5));
                Set(handler, "UseProxy", options.UseProxy);
                if (proxy != null)
                {
                    Set(handler, "Proxy", proxy);
                }

                return handler;
            }

            var classic = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                UseProxy = options.UseProxy,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => certificates.Validate(request, certificate, chain, errors),
            };
            if (proxy != null)
            {
                classic.Proxy = proxy;
            }

            return classic;
        }

        private static void Set(object target, string property, object value)
        {
            var info = target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
            info?.SetValue(target, value);
        }
    }
}
