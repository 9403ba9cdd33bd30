using Microsoft.EntityFrameworkCore;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.Families;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Families;

public abstract class FamilyServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : FamilyServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : FamilyServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private FamilyService families = null!;
    private int toasters;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        families = new FamilyService(database, TestUsers.Manager);
        await using var db = database.CreateDbContext();
        toasters = (await db.Families.SingleAsync()).Id;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<int> IdAsync(string sku)
    {
        await using var db = database.CreateDbContext();
        return (await db.Products.SingleAsync(p => p.Sku == sku)).Id;
    }

    private async Task<string[]> TiersAsync() => (await families.GetAsync(toasters))!.Members.Select(m => $"{m.Tier}:{m.Sku}").ToArray();

    [Fact]
    public async Task Moving_a_member_swaps_tiers_and_the_counter_offers_the_new_order()
    {
        Assert.True((await families.MoveAsync(toasters, await IdAsync("TOAST-2"), 1)).Succeeded);

        Assert.Equal(["1:TOAST-4", "2:TOAST-2", "3:TOAST-4X", "4:TOAST-6"], await TiersAsync());
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var id = (await counter.StartAsync("TOAST-4"))!.Value;
        Assert.Equal(["TOAST-2", "TOAST-6"], (await counter.GetAsync(id))!.UpsellOptions.Select(o => o.Product.Sku));
    }

    [Fact]
    public async Task Removing_a_member_renumbers_the_rest_and_adding_one_makes_it_the_top_tier()
    {
        Assert.True((await families.RemoveMemberAsync(toasters, await IdAsync("TOAST-4X"))).Succeeded);
        Assert.Equal(["1:TOAST-2", "2:TOAST-4", "3:TOAST-6"], await TiersAsync());

        Assert.True((await families.AddMemberAsync(toasters, "KETTLE")).Succeeded);
        Assert.Equal(["1:TOAST-2", "2:TOAST-4", "3:TOAST-6", "4:KETTLE"], await TiersAsync());
    }

    [Fact]
    public async Task A_product_of_another_family_is_not_added_silently()
    {
        var (created, other) = await families.CreateAsync(new FamilyNameModel { Name = "Kettles" });
        Assert.True(created.Succeeded);

        var result = await families.AddMemberAsync(other!.Value, "TOAST-2");

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Contains("Crisp toasters", result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("crisp TOASTERS")]
    public async Task Empty_and_duplicate_names_are_refused(string name)
    {
        var (result, id) = await families.CreateAsync(new FamilyNameModel { Name = name });

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Null(id);
    }

    [Fact]
    public async Task A_family_is_renamed()
    {
        Assert.True((await families.RenameAsync(toasters, new FamilyNameModel { Name = "Crispo toasters" })).Succeeded);

        Assert.Equal("Crispo toasters", (await families.GetAsync(toasters))!.Name);
        Assert.Equal(1, (await families.SearchAsync("crispo", 0, 10)).TotalCount);
    }

    [Fact]
    public async Task Families_are_found_whatever_the_accents_and_case_and_a_percent_sign_is_plain_text()
    {
        Assert.True((await families.CreateAsync(new FamilyNameModel { Name = "Cafetières Élan" })).Result.Succeeded);
        Assert.True((await families.CreateAsync(new FamilyNameModel { Name = "Kettles 100% steel" })).Result.Succeeded);

        Assert.Equal(["Cafetières Élan"], (await families.SearchAsync("CAFETIERES elan", 0, 10)).Items.Select(f => f.Name));
        Assert.Equal(["Kettles 100% steel"], (await families.SearchAsync("0% s", 0, 10)).Items.Select(f => f.Name));
        Assert.Equal(["Kettles 100% steel"], (await families.SearchAsync("%", 0, 10)).Items.Select(f => f.Name));
    }

    [Fact]
    public async Task Clerks_and_strangers_cannot_edit_families()
    {
        var toaster = await IdAsync("TOAST-2");
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new FamilyService(database, user);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SearchAsync(null, 0, 10));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetAsync(toasters));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateAsync(new FamilyNameModel { Name = "X" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RenameAsync(toasters, new FamilyNameModel { Name = "X" }));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.MoveAsync(toasters, toaster, 1));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.AddMemberAsync(toasters, "KETTLE"));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.RemoveMemberAsync(toasters, toaster));
        }
        Assert.Equal(["1:TOAST-2", "2:TOAST-4", "3:TOAST-4X", "4:TOAST-6"], await TiersAsync());
    }
}
