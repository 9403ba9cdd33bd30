using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace SalesAssistant.Accounts;

/// <summary>
/// Configuration section <c>DataProtection</c>: the certificate that encrypts the data-protection keys kept in the
/// database, so a copy of the database alone cannot forge sign-ins. Without one the keys are stored unencrypted
/// (ASP.NET Core warns at startup) and the database must be guarded like a secret.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Encrypts (and decrypts) the keys with the configured certificate, if one is configured.</summary>
    public static IDataProtectionBuilder Apply(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<KeyProtectionOptions>();
        if (string.IsNullOrWhiteSpace(options?.CertificatePath))
        {
            return dataProtection;
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
