using Microsoft.EntityFrameworkCore;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Counter;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Features.Manage.TalkingPoints;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Products;

public abstract class ProductServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ProductServiceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductServiceTests(DatabaseProvider.Postgres);

    private TestDatabase database = null!;
    private ProductService products = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);
        products = new ProductService(database, TestUsers.Manager, TimeProvider.System);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<int> IdAsync(string sku)
    {
        await using var db = database.CreateDbContext();
        return (await db.Products.SingleAsync(p => p.Sku == sku)).Id;
    }

    private static ProductModel Grill() => new() { Sku = "GRILL-1", Ean = "96385074", Name = "Contact grill", Brand = "Crisp", Category = "Grills", Price = 79.9m, Stock = 3, Specs = "Plates: removable\nPower: 2000 W" };

    [Fact]
    public async Task The_list_pages_and_sorts_in_sql()
    {
        var firstPage = await products.SearchAsync(null, 0, 4, ProductSort.Sku);
        var secondPage = await products.SearchAsync(null, 1, 4, ProductSort.Sku);
        var byPrice = await products.SearchAsync("toaster", 0, 10, ProductSort.Price);

        Assert.Equal(9, firstPage.TotalCount);
        Assert.Equal(["BAG-OUT", "CAFFE", "CRUMB", "JAM"], firstPage.Items.Select(r => r.Sku));
        Assert.Equal(["KETTLE", "TOAST-2", "TOAST-4", "TOAST-4X"], secondPage.Items.Select(r => r.Sku));
        Assert.Equal(["BAG-OUT", "TOAST-2", "TOAST-4", "TOAST-4X", "TOAST-6"], byPrice.Items.Select(r => r.Sku));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("brand")]
    [InlineData("category")]
    [InlineData("specs")]
    public async Task A_control_character_in_a_text_field_is_refused_and_nothing_is_saved(string field)
    {
        var model = Grill();
        _ = field switch
        {
            "name" => model.Name = "Contact\0grill",
            "brand" => model.Brand = "Cri\u001bsp",
            "category" => model.Category = "Gri\u0007lls",
            _ => model.Specs = "Plates: remo\tvable",
        };

        var (result, id) = await products.CreateAsync(model);

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Contains("control character", result.Message);
        Assert.Null(id);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Products.AnyAsync(p => p.Sku == "GRILL-1"));
    }

    [Fact]
    public async Task Specs_written_one_per_line_are_not_control_characters()
    {
        var model = Grill();
        model.Specs = "Plates: removable\r\nPower: 2000 W\n";

        var (result, _) = await products.CreateAsync(model);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task A_created_product_has_every_field_and_is_found_at_the_counter()
    {
        var (result, id) = await products.CreateAsync(Grill());

        Assert.True(result.Succeeded, result.Message);
        var details = (await products.GetAsync(id!.Value))!;
        Assert.Equal(("GRILL-1", "96385074", "Grills", 79.9m, 3, "Plates: removable\nPower: 2000 W"),
            (details.Model.Sku, details.Model.Ean, details.Model.Category, details.Model.Price, details.Model.Stock, details.Model.Specs));
        Assert.Equal("GRILL-1", (await new ProductSearch(database).FindByCodeAsync("96385074"))?.Sku);
    }

    [Theory]
    [InlineData("TOAST-2", null, "SKU TOAST-2 is already used")]
    [InlineData("toast-2", null, "SKU toast-2 is already used")]
    [InlineData("NEW-1", "4006381333931", "EAN 4006381333931 is already used by TOAST-2")]
    public async Task Duplicate_skus_and_eans_are_refused(string sku, string? ean, string message)
    {
        var model = Grill();
        (model.Sku, model.Ean) = (sku, ean);

        var (result, _) = await products.CreateAsync(model);

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Message);
    }

    [Theory]
    [InlineData("sku", "BAD SKU")]
    [InlineData("ean", "4006381333932")]
    [InlineData("price", "-1")]
    [InlineData("price", "1.005")]
    [InlineData("stock", "-1")]
    [InlineData("specs", "no colon here")]
    public async Task The_catalog_file_rules_hold_for_the_form_too(string field, string value)
    {
        var model = Grill();
        switch (field)
        {
            case "sku": model.Sku = value; break;
            case "ean": model.Ean = value; break;
            case "price": model.Price = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "stock": model.Stock = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: model.Specs = value; break;
        }

        var (result, id) = await products.CreateAsync(model);

        Assert.Equal(ChangeOutcome.Invalid, result.Outcome);
        Assert.Null(id);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_with_the_current_values()
    {
        var id = await IdAsync("TOAST-2");
        var seen = (await products.GetAsync(id))!;
        var first = seen.Model;
        first.Price = 45m;
        var second = (await products.GetAsync(id))!.Model;
        second.Stock = 99;

        Assert.True((await products.UpdateAsync(id, seen.Version, first)).Succeeded);
        var refused = await products.UpdateAsync(id, seen.Version, second);

        Assert.Equal(ChangeOutcome.Conflict, refused.Outcome);
        Assert.Contains("price 45.00", refused.Message);
        var now = (await products.GetAsync(id))!;
        Assert.Equal((45m, 5), (now.Model.Price, now.Model.Stock));
    }

    [Fact]
    public async Task A_deactivated_product_leaves_the_counter_but_stays_for_its_consultations()
    {
        var counter = new CounterService(database, TimeProvider.System, TestUsers.Clerk);
        var consultation = (await counter.StartAsync("TOAST-4"))!.Value;
        var id = await IdAsync("TOAST-4");

        Assert.True((await products.SetActiveAsync(id, (await products.GetAsync(id))!.Version, active: false)).Succeeded);

        Assert.DoesNotContain(await new ProductSearch(database).SearchAsync("quattro"), h => h.Sku == "TOAST-4");
        Assert.Null(await new ProductSearch(database).FindByCodeAsync("TOAST-4"));
        var fresh = (await counter.StartAsync("TOAST-2"))!.Value;
        Assert.DoesNotContain((await counter.GetAsync(fresh))!.UpsellOptions, o => o.Product.Sku == "TOAST-4");
        Assert.Equal("TOAST-4", (await counter.GetAsync(consultation))!.Baseline.Sku);
    }

    [Fact]
    public async Task Clerks_and_strangers_cannot_edit_the_catalog()
    {
        var id = await IdAsync("TOAST-2");
        foreach (var user in new[] { TestUsers.Clerk, TestUsers.Anonymous })
        {
            var service = new ProductService(database, user, TimeProvider.System);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SearchAsync(null, 0, 10, ProductSort.Name));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetAsync(id));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateAsync(Grill()));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UpdateAsync(id, 0, Grill()));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.SetActiveAsync(id, 0, false));
        }
        Assert.Equal(4000, (await database.CreateDbContext().Products.SingleAsync(p => p.Id == id)).PriceMinor);
    }
}
