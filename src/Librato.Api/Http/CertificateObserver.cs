using System;
using System.Globalization;
using System.Net.Security;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;

namespace Librato.Api
{
    /// <summary>
    /// Sees every server certificate the platform validates and remembers why the last one failed, so that a failed
    /// handshake can say why (untrusted root, name mismatch, expired) and what to do, instead of "see inner exception".
    /// It never changes the decision: it answers exactly what the platform decided (no errors, or refuse).
    /// </summary>
    internal sealed class CertificateObserver
    {
        private volatile string? lastFailure;

        /// <summary>Why the last certificate was refused; null when none was.</summary>
        public string? LastFailure => lastFailure;

        public bool Validate(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors != SslPolicyErrors.None)
            {
                lastFailure = Describe(certificate, chain, errors);
            }

            return errors == SslPolicyErrors.None;
        }

        /// <summary>
        /// The reason in words, as what follows "the certificate of 'host' is not valid: ", with the platform's own
        /// terms in brackets and what to do.
        /// </summary>
        internal static string Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the server sent none (RemoteCertificateNotAvailable)";
            }

            var subject = certificate == null ? "it" : "it (" + certificate.Subject + ")";
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return subject + " was issued for another name (RemoteCertificateNameMismatch); connect with -Endpoint to a name it was issued for, " +
                    "or give the server a certificate for this one";
            }

            var flags = X509ChainStatusFlags.NoError;
            if (chain != null)
            {
                foreach (var status in chain.ChainStatus)
                {
                    flags |= status.Status;
                }
            }

            if ((flags & X509ChainStatusFlags.NotTimeValid) != 0 && certificate is X509Certificate2 c2)
            {
                return subject + " is valid only from " + c2.NotBefore.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) + " to " +
                    c2.NotAfter.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) +
                    " (NotTimeValid); renew the server's certificate, or check this machine's clock";
            }

            if ((flags & X509ChainStatusFlags.Revoked) != 0)
            {
                return subject + " was revoked (Revoked)";
            }

            if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
            {
                var which = (flags & X509ChainStatusFlags.UntrustedRoot) != 0 ? "UntrustedRoot" : "PartialChain";
                return subject + " does not lead to a certificate authority this machine trusts (" + which + "). To trust a private certificate authority, " + TrustAdvice();
            }

            return subject + " did not validate (" + (flags == X509ChainStatusFlags.NoError ? errors.ToString() : flags.ToString()) + ")";
        }

        /// <summary>How to trust a private certificate authority on this platform; validation itself cannot be turned off.</summary>
        internal static string TrustAdvice()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return "import its certificate into the Trusted Root Certification Authorities store " +
                    "(Import-Certificate -FilePath ca.cer -CertStoreLocation Cert:\\LocalMachine\\Root)";
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return "add its certificate to the System keychain as trusted " +
                    "(sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.pem)";
            }

            return "set SSL_CERT_FILE to a PEM bundle that holds its certificate " +
                "(with the public roots you still need), or SSL_CERT_DIR to a folder of hashed certificates, before PowerShell starts";
        }
    }
}
