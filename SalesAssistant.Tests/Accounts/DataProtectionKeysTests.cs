using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SalesAssistant.LoadTool;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Accounts;

/// <summary>The keys behind the sign-in cookie are in the database, so a restart or a new server signs nobody out.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task A_cookie_signed_by_one_app_instance_opens_the_counter_on_a_new_one_on_the_same_database()
    {
        var folder = Directory.CreateTempSubdirectory("sales-assistant-keys-").FullName;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Catalog"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "shared.db") }.ToString() };
        System.Net.Cookie cookie;
        await using (var first = new AppServer(TestCatalog.Csv, settings))
        {
            await first.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
            cookie = (await AppTarget.SignInAsync(first.BaseAddress, Environment.ProcessId, AppServer.ClerkEmail, AppServer.ClerkPassword, CancellationToken.None)).AuthCookie;
            await using var db = new SalesAssistant.Data.SalesDb(new DbContextOptionsBuilder<SalesAssistant.Data.SalesDb>().UseSqlite(settings["ConnectionStrings:Catalog"]).Options);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }

        await using var second = new AppServer(TestCatalog.Csv, settings);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = second.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("product-search", await response.Content.ReadAsStringAsync());
    }
}
