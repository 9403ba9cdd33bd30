using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesAssistant.Accounts;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.TalkingPoints;

public abstract class TalkingPointServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : TalkingPointServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : TalkingPointServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private TalkingPointService advice = null!;
    private int toaster;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        advice = new TalkingPointService(database, TestUsers.Manager, TimeProvider.System);
        await using var db = database.CreateDbContext();
        toaster = (await db.Products.SingleAsync(p => p.Sku == "TOAST-4")).Id;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<IReadOnlyList<TalkingPointView>> ActiveAsync() => (await advice.GetAsync(toaster))!.Active;

    [Fact]
    public async Task A_talking_point_with_a_control_character_is_refused()
    {
        var before = await ActiveAsync();

        var result = await advice.AddAsync(toaster, new TalkingPointModel { Text = "Crumb tray\0 slides out" });

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Contains("U+0000", result.Message);
        Assert.Equal(before.Count, (await ActiveAsync()).Count);
    }

    [Fact]
    public async Task Adding_a_point_puts_it_last_with_a_review_date_in_90_days_and_records_it()
    {
        var result = await advice.AddAsync(toaster, new TalkingPointModel { Text = "  Crumb tray slides out for a clean counter  " });

        Assert.True(result.Succeeded, result.Message);
        var active = await ActiveAsync();
        Assert.Equal(["Toasts four slices at once", "Lift-and-look lever checks without burning", "Crumb tray slides out for a clean counter"], active.Select(p => p.Text));
        Assert.InRange(active[^1].ReviewBy - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));
        var change = Assert.Single(await advice.HistoryAsync(toaster));
        Assert.Equal((TalkingPointChangeKind.Added, null, "Crumb tray slides out for a clean counter", TestUsers.ManagerEmail), (change.Kind, change.Before, change.After, change.ChangedBy));
    }

    [Fact]
    public async Task Editing_keeps_the_text_before_and_after_in_the_history()
    {
        var point = (await ActiveAsync())[0];

        var result = await advice.EditAsync(point.Id, point.Version, new TalkingPointModel { Text = "Four slices at once: breakfast for the family in one go" });

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("Four slices at once: breakfast for the family in one go", (await ActiveAsync())[0].Text);
        var change = Assert.Single(await advice.HistoryAsync(toaster));
        Assert.Equal((TalkingPointChangeKind.Edited, "Toasts four slices at once", "Four slices at once: breakfast for the family in one go"), (change.Kind, change.Before, change.After));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_with_the_current_text()
    {
        var seenByBoth = (await ActiveAsync())[0];

        var first = await advice.EditAsync(seenByBoth.Id, seenByBoth.Version, new TalkingPointModel { Text = "First manager's words" });
        var second = await advice.EditAsync(seenByBoth.Id, seenByBoth.Version, new TalkingPointModel { Text = "Second manager's words" });

        Assert.True(first.Succeeded);
        Assert.Equal(ChangeOutcome.Conflict, second.Outcome);
        Assert.Contains("First manager's words", second.Message);
        Assert.Equal("First manager's words", (await ActiveAsync())[0].Text);
        Assert.Single(await advice.HistoryAsync(toaster));
    }

    [Fact]
    public async Task Moving_a_point_changes_the_order_the_clerk_sees()
    {
        var second = (await ActiveAsync())[1];

        Assert.True((await advice.MoveAsync(second.Id, second.Version, -1)).Succeeded);

        Assert.Equal(["Lift-and-look lever checks without burning", "Toasts four slices at once"], (await ActiveAsync()).Select(p => p.Text));
        var counter = new SalesAssistant.Features.Counter.CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-2"))!.Value;
        var option = (await counter.GetAsync(id))!.UpsellOptions.Single(o => o.Product.Sku == "TOAST-4");
        Assert.Equal(["Lift-and-look lever checks without burning", "Toasts four slices at once"], option.Product.TalkingPoints.Select(p => p.Text));
    }

    [Fact]
    public async Task A_move_made_on_an_order_that_changed_meanwhile_is_refused()
    {
        var (first, second) = ((await ActiveAsync())[0], (await ActiveAsync())[1]);
        Assert.True((await advice.MoveAsync(second.Id, second.Version, -1)).Succeeded);

        var stale = await advice.MoveAsync(first.Id, first.Version, 1);

        Assert.Equal(ChangeOutcome.Conflict, stale.Outcome);
    }

    [Fact]
    public async Task Retired_points_leave_the_counter_but_stay_in_history_and_can_be_restored()
    {
        var point = (await ActiveAsync())[0];

        Assert.True((await advice.RetireAsync(point.Id, point.Version)).Succeeded);

        var product = (await advice.GetAsync(toaster))!;
        Assert.Equal(["Lift-and-look lever checks without burning"], product.Active.Select(p => p.Text));
        var retired = Assert.Single(product.Retired);
        Assert.Equal(TalkingPointChangeKind.Retired, (await advice.HistoryAsync(toaster))[0].Kind);

        Assert.True((await advice.RestoreAsync(retired.Id, retired.Version)).Succeeded);
        Assert.Equal(2, (await ActiveAsync()).Count);
    }

    [Fact]
    public async Task A_sixth_active_point_is_refused()
    {
        foreach (var text in new[] { "Three", "Four", "Five" })
        {
            Assert.True((await advice.AddAsync(toaster, new TalkingPointModel { Text = text })).Succeeded);
        }

        var sixth = await advice.AddAsync(toaster, new TalkingPointModel { Text = "Six" });

        Assert.Equal(ChangeOutcome.Invalid, sixth.Outcome);
        Assert.Contains("at most 5", sixth.Message);
        Assert.Equal(5, (await ActiveAsync()).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a|b")]
    public async Task Invalid_text_is_refused_by_the_service_too(string text)
    {
        var result = await advice.AddAsync(toaster, new TalkingPointModel { Text = text });

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Equal(2, (await ActiveAsync()).Count);
    }

    [Fact]
    public async Task Text_over_200_characters_is_refused()
    {
        var point = (await ActiveAsync())[0];

        var result = await advice.EditAsync(point.Id, point.Version, new TalkingPointModel { Text = new string('x', 201) });

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Equal("Toasts four slices at once", (await ActiveAsync())[0].Text);
    }

    [Fact]
    public async Task Points_past_their_review_date_are_flagged_stale()
    {
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(91));
        var inThreeMonths = new TalkingPointService(database, TestUsers.Manager, later);

        var products = new SalesAssistant.Features.Manage.Products.ProductService(database, TestUsers.Manager, later);
        var rows = await products.SearchAsync("toaster quattro", 0, 25, ProductSort.StalePointsFirst);

        Assert.Equal(("TOAST-4", 2, 2), (rows.Items[0].Sku, rows.Items[0].ActivePoints, rows.Items[0].StalePoints));
        Assert.All((await inThreeMonths.GetAsync(toaster))!.Active, p => Assert.True(p.IsStale));
        Assert.All((await advice.GetAsync(toaster))!.Active, p => Assert.False(p.IsStale));
    }

    public static TheoryData<string> Writes => ["add", "edit", "move", "retire", "restore", "read", "history"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Clerks_and_strangers_cannot_call_the_editor(string call)
    {
        var point = (await ActiveAsync())[0];
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new TalkingPointService(database, user, TimeProvider.System);
            Func<Task> act = call switch
            {
                "add" => () => service.AddAsync(toaster, new TalkingPointModel { Text = "Sneaky" }),
                "edit" => () => service.EditAsync(point.Id, point.Version, new TalkingPointModel { Text = "Sneaky" }),
                "move" => () => service.MoveAsync(point.Id, point.Version, 1),
                "retire" => () => service.RetireAsync(point.Id, point.Version),
                "restore" => () => service.RestoreAsync(point.Id, point.Version),
                "read" => () => service.GetAsync(toaster),
                _ => () => service.HistoryAsync(toaster),
            };

            await Assert.ThrowsAsync<UnauthorizedAccessException>(act);
        }
        Assert.Equal(["Toasts four slices at once", "Lift-and-look lever checks without burning"], (await ActiveAsync()).Select(p => p.Text));
        Assert.Empty(await advice.HistoryAsync(toaster));
    }
}
