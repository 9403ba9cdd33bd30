using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.LoadTool;
using SalesAssistant.LoadTool.Commands;
using SalesAssistant.LoadTool.Protocol;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.LoadTool;

/// <summary>
/// The load tool's commands at their smallest size against the test app, so the tool cannot rot unnoticed.
/// Behaviour only (circuits held, bytes counted, hosts): its timings and memory figures live in the benchmarks.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadToolSmokeTests(BrowserFixture fixture)
{
    private Task<AppTarget> SignedInAsync() =>
        AppTarget.SignInAsync(fixture.App.BaseAddress, Environment.ProcessId, AppServer.ClerkEmail, AppServer.ClerkPassword, CancellationToken.None);

    [Fact]
    public async Task Two_protocol_circuits_are_opened_rendered_and_held()
    {
        var target = await SignedInAsync();

        var result = await CircuitsCommand.RunAsync(target, new CircuitsOptions(Idle: 2, Full: 0, Concurrency: 2, SeedFile: "", MeasureMemory: false),
            TextWriter.Null, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(2, result.IdleHeld);
        Assert.Equal(2, result.IdleHeldAtEnd);
        Assert.True(result.RenderBatches >= 2, $"{result.RenderBatches} render batches for two circuits");
        Assert.Contains("salesAssistant.markInteractive", result.JsCalls.Keys);
    }

    [Fact]
    public async Task A_protocol_circuit_needs_the_prerendered_markers_of_a_signed_in_page()
    {
        var signedOut = await SignedInAsync() with { AuthCookie = new System.Net.Cookie("none", "none") };
        using var http = new HttpClient();

        // Signed out, / redirects to the sign-in page, which is static: no circuit to start.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ProtocolCircuit.OpenAsync(signedOut, http, "/", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Contains("no interactive server component markers", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pageweight_counts_bytes_and_requests_of_the_first_load_and_none_to_other_hosts()
    {
        var target = await SignedInAsync();

        var result = await PageweightCommand.RunAsync(target, TextWriter.Null, CancellationToken.None);

        Assert.True(result.EncodedBytes > 0);
        Assert.Contains(result.Responses, r => r.Url.Contains("blazor.web", StringComparison.Ordinal) && r.EncodedBytes > 0);
        Assert.Empty(result.OtherHostRequests);
        Assert.True(result.TimeToInteractiveMs >= 0, "body[data-interactive] was never seen");
        Assert.Equal(1, result.WebSockets);
    }

    [Fact]
    public async Task The_load_tool_consultation_walks_from_search_to_the_next_customer_and_is_recorded()
    {
        var csv = Path.GetTempFileName();
        await File.WriteAllTextAsync(csv, TestCatalog.Csv);
        var product = Assert.Single(CatalogWords.UpsellStarts(CatalogWords.Read(csv)));
        File.Delete(csv);
        // Its own app: the recorded consultation must not reach the other tests' figures.
        await using var app = new AppServer(TestCatalog.Csv);
        await app.CreateClerkAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        var page = await fixture.NewPageAsync(app, 1024, 768);
        await page.SignInAsync(AppServer.ClerkEmail, AppServer.ClerkPassword);
        await TestSupport.PageExtensions.GoToInteractiveAsync(page, "/");

        await FullConsultation.RunAsync(page, product);

        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var recorded = await db.Consultations.Include(c => c.Lines).SingleAsync();
        Assert.Equal((ConsultationStep.Finished, UpsellOutcome.Accepted), (recorded.Step, recorded.UpsellOutcome));
        Assert.Equal(2, recorded.Lines.Count);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Keystroke_times_every_keystroke_to_its_results_and_every_word_to_its_last_key(bool protocol)
    {
        var target = await SignedInAsync();
        var csv = Path.GetTempFileName();
        await File.WriteAllTextAsync(csv, TestCatalog.Csv);

        try
        {
            var result = await KeystrokeCommand.RunAsync(target, new KeystrokeOptions(Clerks: 1, Duration: TimeSpan.FromSeconds(2), Idle: 0, KeyDelayMs: 30,
                SeedFile: csv, Protocol: protocol), TextWriter.Null, CancellationToken.None);

            Assert.Empty(result.Failures);
            Assert.True(result.Searches > 0, "no word was typed");
            Assert.True(result.Keystrokes > result.Searches, $"{result.Keystrokes} keystrokes for {result.Searches} words");
            Assert.True(result.Keystrokes == result.ResultLatenciesMs.Count,
                $"{result.Keystrokes} keystrokes, {result.ResultLatenciesMs.Count} with results. {string.Join(" ", result.Notes ?? [])}");
            Assert.Equal(result.Searches, result.LastKeyLatenciesMs.Count);
            Assert.DoesNotContain("debounce", result.ToMarkdown(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
