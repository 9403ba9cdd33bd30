using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.LoadTool;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

/// <summary>The keys behind the sign-in cookie are in the database, so a restart or a new server signs nobody out.</summary>
public sealed class DataProtectionKeysTests
{
    [Theory, BothDatabases]
    public async Task A_cookie_signed_by_one_app_instance_opens_the_counter_on_a_new_one_on_the_same_database(DatabaseProvider provider)
    {
        await using var shared = TestDatabase.Empty(provider);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Catalog"] = shared.ConnectionString };
        System.Net.Cookie cookie;
        await using (var first = new AppServer(TestCatalog.Csv, settings, provider: provider))
        {
            await first.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
            cookie = (await AppTarget.SignInAsync(first.BaseAddress, Environment.ProcessId, AppServer.ClerkEmail, AppServer.ClerkPassword, CancellationToken.None)).AuthCookie;
            await using var db = shared.CreateDbContext();
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        await using var second = new AppServer(TestCatalog.Csv, settings, provider: provider);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = second.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("product-search", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task With_a_configured_certificate_the_keys_in_the_database_are_encrypted_and_still_unprotect(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-keycert-").FullName;
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=SalesAssistant keys", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(Path.Combine(folder, "keys.pfx"), certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test-password"));
        }
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = Path.Combine(folder, "keys.pfx"),
            ["DataProtection:CertificatePassword"] = "test-password",
        }).Build();
        ServiceProvider Services()
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddScoped(_ => database.CreateDbContext());
            SalesAssistant.Accounts.KeyProtectionOptions.Apply(
                services.AddDataProtection().SetApplicationName("SalesAssistant").PersistKeysToDbContext<SalesAssistant.Data.SalesDb>(), configuration);
            return services.BuildServiceProvider();
        }

        string protectedText;
        await using (var first = Services())
        {
            protectedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
        }
        await using var second = Services();

        Assert.Equal("signed in", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        await using var db = database.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml));
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml));
    }
}
