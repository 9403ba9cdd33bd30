using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesAssistant.Catalog;
using SalesAssistant.Data;
using SalesAssistant.Features.Manage;
using SalesAssistant.Features.Manage.Products;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Manage.Products;

public abstract class ProductListPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : ProductListPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ProductListPageTests(DatabaseProvider.Postgres);

    private readonly HeldListQueries held = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<IDbContextFactory<SalesDb>>(new HeldFactory(Database, held));
    }

    private static string[] Skus(IRenderedComponent<ProductListPage> page) =>
        page.FindAll("[data-testid=advice-product]").Select(e => e.GetAttribute("data-sku")!).ToArray();

    /// <summary>
    /// Lets a released load run to its end: once the database has handed over its rows, what is left of it are a few
    /// continuations queued on the renderer's dispatcher, which runs them in order before each of these no-op calls.
    /// </summary>
    private async Task LoadsEndedAsync(IRenderedComponent<ProductListPage> page)
    {
        await held.HeldQueryDone.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            await page.InvokeAsync(() => { });
        }
    }

    [Fact]
    public async Task A_first_page_that_loads_after_the_search_results_does_not_replace_them()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ProductListPage>();
        await held.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30));

        page.Find("input[data-testid=advice-search]").Input("quattro");
        page.WaitForAssertion(() => Assert.Equal(["TOAST-4", "TOAST-4X"], Skus(page)));

        await page.InvokeAsync(held.Release);
        await LoadsEndedAsync(page);
        Assert.Equal(["TOAST-4", "TOAST-4X"], Skus(page));
    }

    [Fact]
    public async Task A_search_typed_while_the_first_page_loads_is_applied_once_it_has_loaded()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ProductListPage>();
        await held.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30));

        page.Find("input[data-testid=advice-search]").Input("quattro");
        // The first page arrives while the search field still waits out its debounce.
        await page.InvokeAsync(held.Release);

        page.WaitForAssertion(() => Assert.Equal(["TOAST-4", "TOAST-4X"], Skus(page)));
        Assert.Equal("quattro", page.Find("input[data-testid=advice-search]").GetAttribute("value"));
    }

    [Fact]
    public async Task Without_a_search_the_first_page_shows_once_it_has_loaded()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<ProductListPage>();
        await held.FirstHeld.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(Skus(page));

        await page.InvokeAsync(held.Release);

        page.WaitForAssertion(() => Assert.Contains("TOAST-4", Skus(page)));
        Assert.True(Skus(page).Length > 1);
    }

    /// <summary>
    /// Holds the product list's unfiltered page query (no full-text match) once it has read its rows, as a database that
    /// finished before the load was cancelled would; search queries pass.
    /// </summary>
    private sealed class HeldListQueries : DbCommandInterceptor
    {
        private readonly TaskCompletionSource release = new();
        private readonly TaskCompletionSource firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource heldQueryDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstHeld => firstHeld.Task;

        /// <summary>A held query, released, has closed its reader: the database's part of the load is over.</summary>
        public Task HeldQueryDone => heldQueryDone.Task;

        public void Release() => release.TrySetResult();

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData,
            InterceptionResult result)
        {
            if (IsUnfilteredPage(command))
            {
                firstHeld.TrySetResult();
                await release.Task;
            }
            return result;
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (IsUnfilteredPage(command))
            {
                heldQueryDone.TrySetResult();
            }
            return result;
        }

        /// <summary>A page of products without a full-text match: SQLite's is FTS5's MATCH, PostgreSQL's the tsvector's @@.</summary>
        private static bool IsUnfilteredPage(DbCommand command) =>
            command.CommandText.Contains("LIMIT", StringComparison.Ordinal)
            && !command.CommandText.Contains("MATCH", StringComparison.Ordinal)
            && !command.CommandText.Contains("@@", StringComparison.Ordinal);
    }

    private sealed class HeldFactory(TestDatabase database, HeldListQueries held) : IDbContextFactory<SalesDb>
    {
        public SalesDb CreateDbContext() => database.Settings.CreateFactory(held).CreateDbContext();
    }
}
