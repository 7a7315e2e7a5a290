using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;

namespace AkkaRpc.Client;

/// <summary>
/// Akka.Remote's stock DotNetty TCP transport (<c>akka.tcp://</c>), for comparison with ours and for nodes on other
/// machines. It has no cookie handshake, so beyond loopback it only runs with mutual TLS on one pinned certificate.
/// </summary>
internal static class DotNettyTransport
{
    /// <summary>The transport's HOCON path, for <c>akka.remote.enabled-transports</c>.</summary>
    public const string Path = "akka.remote.dot-netty.tcp";

    /// <summary>The address scheme it serves without TLS.</summary>
    public const string Scheme = "akka.tcp";

    /// <summary>The address scheme it serves with TLS.</summary>
    public const string TlsScheme = "akka.ssl.tcp";

    /// <summary>Its settings: where it listens, the largest frame, and whether TLS is on (the certificate comes as a setup, see <see cref="Tls"/>).</summary>
    public static Config Settings(string hostname, int port, long maxFrameSize, bool tls) => ConfigurationFactory.ParseString($$"""
        akka.remote.dot-netty.tcp {
          hostname = "{{hostname}}"
          port = {{port.ToString(CultureInfo.InvariantCulture)}}
          maximum-frame-size = {{maxFrameSize.ToString(CultureInfo.InvariantCulture)}}b
          send-buffer-size = 256000b
          receive-buffer-size = 256000b
          enable-ssl = {{(tls ? "on" : "off")}}
          ssl.require-mutual-authentication = on
        }
        """);

    /// <summary>
    /// Mutual TLS with the PKCS#12 certificate at <paramref name="certificatePath"/>: each side presents it, and each
    /// accepts only a peer presenting exactly that certificate (pinned by thumbprint), whatever chain it claims.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file does not exist, or is not a certificate with its private key.</exception>
    public static DotNettySslSetup Tls(string certificatePath, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new InvalidOperationException($"The TLS certificate {certificatePath} could not be loaded ({e.Message}); it must be a PKCS#12 file with its private key.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The TLS certificate {certificatePath} has no private key; each side presents it, so it needs one.");
        }

        return new DotNettySslSetup(certificate, suppressValidation: false, requireMutualAuthentication: true, CertificateValidation.PinnedCertificate(certificate.Thumbprint));
    }
}
