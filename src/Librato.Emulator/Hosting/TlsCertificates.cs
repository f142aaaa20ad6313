using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Librato.Emulator.Hosting;

/// <summary>
/// The emulator's TLS certificate: one given as a file (PEM or PKCS#12), or one made at start, signed by a
/// certificate authority made with it, whose certificate (no key) can be written out for clients to trust, the
/// way they would trust a company's private CA.
/// </summary>
internal static class TlsCertificates
{
    /// <summary>The variable holding the password of a PKCS#12 file: a password on the command line shows in process lists.</summary>
    public const string PasswordVariable = "LIBRATO_EMULATOR_CERTIFICATE_PASSWORD";

    /// <summary>The server certificate for the options, with its key; the authority's certificate when one was made.</summary>
    public static (X509Certificate2 Server, X509Certificate2? Authority) For(EmulatorOptions options)
    {
        if (options.CertificateFile is { } file)
        {
            return (Load(file, options.CertificateKeyFile), null);
        }

        var (server, authority) = Create(DateTimeOffset.UtcNow);
        if (options.CertificateAuthorityFile is { } caFile)
        {
            File.WriteAllText(caFile, authority.ExportCertificatePem());
        }

        return (server, authority);
    }

    /// <summary>
    /// A certificate authority and a server certificate it signed, for localhost, 127.0.0.1 and ::1, valid from a
    /// day before <paramref name="now"/> for a year.
    /// </summary>
    public static (X509Certificate2 Server, X509Certificate2 Authority) Create(DateTimeOffset now)
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Librato Emulator Test CA, O=Librato.PowerShell", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authorityWithKey = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authorityWithKey, true, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        using var signed = serverRequest.Create(authorityWithKey, now.AddDays(-1), now.AddYears(1).AddDays(-1), serial);
        using var serverWithKey = signed.CopyWithPrivateKey(serverKey);

        // Through PKCS#12: a key made in memory is not usable by the TLS stack on every platform until persisted.
        var server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null);
        var authority = X509CertificateLoader.LoadCertificate(authorityWithKey.Export(X509ContentType.Cert));
        return (server, authority);
    }

    private static X509Certificate2 Load(string file, string? keyFile)
    {
        var extension = Path.GetExtension(file);
        if (string.Equals(extension, ".pfx", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, Environment.GetEnvironmentVariable(PasswordVariable));
        }

        using var pem = X509Certificate2.CreateFromPemFile(file, keyFile ?? file);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
