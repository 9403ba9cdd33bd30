using Microsoft.AspNetCore.Components.Forms;
using SalesAssistant.Data;
using SalesAssistant.Features.Insights.Sales;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Features.Insights.Sales;

public abstract class SalesImportPageTests(DatabaseProvider provider) : ManagerTestContext(provider)
{
    public sealed class OnSqlite() : SalesImportPageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SalesImportPageTests(DatabaseProvider.Postgres);

    private IRenderedComponent<SalesImportPage> Upload(string csv)
    {
        var page = Render<SalesImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "till.csv"));
        return page;
    }

    [Fact]
    public void A_good_file_shows_what_it_would_import_counted_in_words()
    {
        var page = Upload(SalesImportServiceTests.FiveOrders);

        page.WaitForAssertion(() => Assert.Equal("5", page.Find("[data-testid=sales-new]").TextContent));
        Assert.Equal("0", page.Find("[data-testid=sales-skipped]").TextContent);
        Assert.Equal("Ready to import till.csv: 5 new orders, 0 already imported (skipped), 9 lines in the file.",
            page.Find("[data-testid=sales-summary]").TextContent.Trim());
        Assert.Equal("Import 5 orders", page.Find("[data-testid=sales-apply]").TextContent.Trim());
    }

    [Fact]
    public void Under_Polish_a_bad_row_is_listed_with_its_line_column_and_reason_in_Polish()
    {
        using var polish = InLanguage.Polish();

        var page = Upload(SalesImportServiceTests.Header + "T-1,TOAST-2,1,2026-11-02T09:00:00Z\nT-2,GIFT-CARD,1,2026-11-02T09:00:00Z\n");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sales-error]")));
        var error = page.Find("[data-testid=sales-error]");
        Assert.Equal(("3", "sku"), (error.GetAttribute("data-line"), error.GetAttribute("data-column")));
        Assert.Contains("nieznany kod produktu 'GIFT-CARD': nie ma go w katalogu", error.TextContent);
        Assert.Equal(["Wiersz", "Kolumna", "Problem"], page.FindAll("[data-testid=sales-errors] th").Select(h => h.TextContent));
        Assert.Equal("Nie zaimportowano pliku till.csv: 1 problem. Nic nie zmieniono. Popraw wszystkie wiersze poniżej i prześlij plik ponownie.",
            page.Find("[data-testid=sales-invalid]").TextContent.Trim());
    }

    [Fact]
    public void Under_Polish_the_counts_of_a_good_file_take_the_Polish_plural_forms()
    {
        using var polish = InLanguage.Polish();

        var page = Upload(SalesImportServiceTests.FiveOrders);

        page.WaitForAssertion(() => Assert.Equal("5", page.Find("[data-testid=sales-new]").TextContent));
        Assert.Equal("Plik till.csv jest gotowy do importu: 5 nowych paragonów, 0 już zaimportowanych (pominiętych), 9 wierszy w pliku.",
            page.Find("[data-testid=sales-summary]").TextContent.Trim());
        Assert.Equal("Importuj 5 paragonów", page.Find("[data-testid=sales-apply]").TextContent.Trim());
    }
}
