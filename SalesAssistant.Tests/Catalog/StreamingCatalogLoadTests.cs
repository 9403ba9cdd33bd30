using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesAssistant.Benchmarks.Catalog;
using SalesAssistant.Catalog;
using SalesAssistant.Catalog.File;
using SalesAssistant.Data;
using SalesAssistant.Tests.TestSupport;

namespace SalesAssistant.Tests.Catalog;

public sealed class StreamingCatalogLoadTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 15, 123, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("streaming-load-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, BothDatabases]
    public async Task A_generated_1k_file_streams_in_with_the_same_rows_as_the_in_memory_loader(DatabaseProvider provider)
    {
        var path = WriteGenerated(1000);
        await using var streamed = await TestDatabase.CreateAsync(provider);
        await using var inMemory = await TestDatabase.CreateAsync(provider);

        var result = await Loader(streamed).LoadFileIntoEmptyCatalogAsync(path);
        await Loader(inMemory).LoadIntoEmptyCatalogAsync(await new CatalogFileReader().ReadAsync(path));

        Assert.True(result.IsValid, result.DescribeErrors());
        var expected = await CountsAsync(inMemory);
        Assert.Equal(1000, expected.Products);
        Assert.True(expected.Links >= 3 * 700, $"{expected.Links} links");
        Assert.Equal(expected, await CountsAsync(streamed));
        Assert.Equal(await SnapshotAsync(inMemory), await SnapshotAsync(streamed));
    }

    [Theory, BothDatabases]
    public async Task A_file_whose_accessories_come_after_their_products_streams_in_like_the_in_memory_loader(DatabaseProvider provider)
    {
        var path = WriteText(TestCatalog.Csv);
        await using var streamed = await TestDatabase.CreateAsync(provider);
        await using var inMemory = await TestDatabase.CreateAsync(provider);

        await Loader(streamed).LoadFileIntoEmptyCatalogAsync(path);
        await Loader(inMemory).LoadIntoEmptyCatalogAsync(await new CatalogFileReader().ReadAsync(path));

        Assert.Equal(await SnapshotAsync(inMemory), await SnapshotAsync(streamed));
        await using var db = streamed.CreateDbContext();
        var toaster = await db.Products.Include(p => p.Accessories).ThenInclude(a => a.Accessory).SingleAsync(p => p.Sku == "TOAST-2");
        Assert.Equal(["CRUMB", "BAG-OUT", "JAM"], toaster.Accessories.OrderBy(a => a.Priority).Select(a => a.Accessory!.Sku));
        Assert.Equal("toaster duo crisp toast-2 4006381333931", toaster.SearchText);
        Assert.Equal("crisp toasters", (await db.Families.SingleAsync()).SearchName);
    }

    [Theory, BothDatabases]
    public async Task Products_added_after_a_bulk_load_get_new_ids(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Loader(database).LoadFileIntoEmptyCatalogAsync(WriteText(TestCatalog.Csv));

        await using var db = database.CreateDbContext();
        var kitchen = await db.Categories.SingleAsync(c => c.Name == "Kitchen");
        db.Products.Add(new Product { Sku = "NEW-1", Name = "New", Category = kitchen, PriceMinor = 100 });
        await db.SaveChangesAsync();

        Assert.Equal(10, await db.Products.Where(p => p.Sku == "NEW-1").Select(p => p.Id).SingleAsync());
    }

    [Theory, BothDatabases]
    public async Task A_bulk_loaded_catalog_is_searchable_and_so_are_products_added_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Loader(database).LoadFileIntoEmptyCatalogAsync(WriteText(TestCatalog.Csv));
        await AddMokaPotAsync(database);
        var search = new SalesAssistant.Features.Counter.ProductSearch(database);

        Assert.Contains(await search.SearchAsync("caf cre"), h => h.Sku == "CAFFE");
        Assert.Equal(["NEW-1"], (await search.SearchAsync("moka")).Select(h => h.Sku));
    }

    [Theory, BothDatabases]
    public async Task An_unknown_accessory_on_line_500_loads_nothing_and_names_the_line(DatabaseProvider provider)
    {
        var lines = Encoding.UTF8.GetString(Generate(1000)).Split('\n');
        var row = lines[499];
        var firstAccessory = row.Split(',')[9].Split('|')[0];
        lines[499] = row.Replace(firstAccessory, "NOPE-1", StringComparison.Ordinal);
        var path = WriteText(string.Join('\n', lines));
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Loader(database).LoadFileIntoEmptyCatalogAsync(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal("line 500, column 'accessories': unknown SKU 'NOPE-1': every accessory must be a product of the file", error.ToString());
        await AssertEmptyAsync(database);
    }

    [Theory, BothDatabases]
    public async Task Bytes_that_are_not_utf8_load_nothing_and_name_their_line(DatabaseProvider provider)
    {
        var bytes = Generate(1000);
        var line300 = IndexOfLine(bytes, 300);
        bytes[line300 + 5] = 0xFF;
        var path = WriteBytes(bytes);
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Loader(database).LoadFileIntoEmptyCatalogAsync(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(300, error.Line);
        Assert.Equal($"is not valid UTF-8 (byte 0xFF at byte offset {line300 + 5}); save the file as UTF-8", error.Message);
        await AssertEmptyAsync(database);
    }

    [Theory, BothDatabases]
    public async Task Every_bad_row_is_reported_and_nothing_is_loaded(DatabaseProvider provider)
    {
        var path = WriteText(TestCatalog.Csv + "BAD 1,,X,B,Cat,1.00,1,,,,,\nOK-9,,Y,B,Cat,1,00,1,,,,,\nOK-10,,Z,B,Cat,1.00,1,,,GHOST,,\n");
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Loader(database).LoadFileIntoEmptyCatalogAsync(path);

        Assert.Equal([(11, "sku"), (12, null), (13, "accessories")], result.Errors.Select(e => (e.Line, e.Column)));
        await AssertEmptyAsync(database);
    }

    /// <summary>SQLite only: its full-text index is kept by a trigger the load drops; PostgreSQL's is a generated column.</summary>
    [Fact]
    public async Task A_load_that_fails_after_dropping_the_full_text_trigger_rolls_back_the_drop_too()
    {
        var path = WriteText(TestCatalog.Csv);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var cancel = new CancellationTokenSource();
        // The loader reads the clock once the trigger is dropped: cancelling there fails the load inside the transaction.
        var failing = new CatalogLoader(database, NullLogger<CatalogLoader>.Instance, new CancellingClock(cancel));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => failing.LoadFileIntoEmptyCatalogAsync(path, cancel.Token));

        await AssertEmptyAsync(database);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await db.Database.SqlQuery<int>(
                $"""SELECT COUNT(*) AS "Value" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" = 'Products_AfterInsert_Fts'""").SingleAsync());
        }
        var retried = await Loader(database).LoadFileIntoEmptyCatalogAsync(path);
        Assert.True(retried.IsValid, retried.DescribeErrors());
        await AddMokaPotAsync(database);
        var search = new SalesAssistant.Features.Counter.ProductSearch(database);
        Assert.Equal(["TOAST-4", "TOAST-4X"], (await search.SearchAsync("quattro")).Select(h => h.Sku).Order());
        Assert.Equal(["NEW-1"], (await search.SearchAsync("moka")).Select(h => h.Sku));
    }

    private sealed class CancellingClock(CancellationTokenSource cancel) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            cancel.Cancel();
            return Now;
        }
    }

    [Theory, BothDatabases]
    public async Task A_catalog_that_is_not_empty_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.WithCatalogAsync(provider, TestCatalog.Csv);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Loader(database).LoadFileIntoEmptyCatalogAsync(WriteText(TestCatalog.Csv)));
    }

    public static TheoryData<string, byte[]> Files()
    {
        var header = TestCatalog.Header;
        var good = "OK-1,4006381333931,Good,Brand,Kitchen,10.00,1,,,,,";
        var data = new TheoryData<string, byte[]>
        {
            { "valid", Utf8(TestCatalog.Csv) },
            { "byte order mark", [.. Encoding.UTF8.GetPreamble(), .. Utf8(TestCatalog.Csv)] },
            { "empty", [] },
            { "white space only", Utf8(" \n\t\r\n  ") },
            { "byte order mark only", Encoding.UTF8.GetPreamble() },
            { "header only", Utf8(header + "\n") },
            { "unknown and missing columns", Utf8("sku,colour,name\nA,red,B\n") },
            { "duplicate sku ignoring case", Utf8($"{header}\n{good}\nok-1,,Again,B,Cat,1.00,1,,,,,\n") },
            { "duplicate ean", Utf8($"{header}\n{good}\nOK-2,4006381333931,Again,B,Cat,1.00,1,,,,,\n") },
            { "duplicate bad ean", Utf8($"{header}\nA,12ab,X,B,Cat,1.00,1,,,,,\nB,12ab,Y,B,Cat,1.00,1,,,,,\n") },
            { "ean-8 and ean-13 with the same number", Utf8($"{header}\nA,96385074,X,B,Cat,1.00,1,,,,,\nB,0000096385074,Y,B,Cat,1.00,1,,,,,\n") },
            { "duplicate tier ignoring case", Utf8($"{header}\nA,,X,B,Cat,1.00,1,Fam,1,,,\nB,,Y,B,Cat,1.00,1,fam,1,,,\n") },
            { "accessories before and after, some unknown", Utf8($"{header}\nA,,X,B,Cat,1.00,1,,,C|GHOST|B,,\nB,,Y,B,Cat,1.00,1,,,A|NOPE,,\nC,,Z,B,Cat,1.00,1,,,,,\n") },
            { "unclosed quote", Utf8($"{header}\n{good}\nB,,\"Name,B,Cat,1.00,1,,,,,\n") },
            { "field count", Utf8($"{header}\n{good}\nB,,Name,B,Cat,1.00,1,,,,\nC,,N,B,Cat,1.00,1,,,,,\n") },
            { "latin-1", Encoding.Latin1.GetBytes($"{header}\n{good}\nC-1,,Caffè,B,Cat,1.00,1,,,,,\n") },
            { "utf-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestCatalog.Csv)).ToArray() },
            { "cut in the middle of a character", [.. Utf8($"{header}\n{good}\nC-1,,Caff"), 0xC3] },
        };
        // Longer than the 64 KiB the checking stream reads at a time: characters cut by a read, an error far in.
        var many = new StringBuilder(header + "\n");
        for (var i = 0; i < 3000; i++)
        {
            many.Append($"P-{i},,Crème brûlée torch №{i} ☕,Brand,Kitchen,1.00,1,,,,,\n");
        }
        data.Add("long file", Utf8(many.ToString()));
        data.Add("long file with a bad byte far in", [.. Utf8(many.ToString()), 0x80, .. Utf8("\n")]);
        data.Add("long file with a bad row far in", Utf8(many + "BAD ROW,,X,B,Cat,1.00,1,,,,,\n"));
        return data;

        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Checking_a_file_as_it_streams_finds_what_reading_it_whole_finds(string name, byte[] bytes)
    {
        var path = WriteBytes(bytes, name);
        var reader = new CatalogFileReader();

        var whole = reader.Read(bytes, Path.GetFileName(path));
        var streamed = reader.CheckFile(path);

        Assert.Equal(whole.Errors, streamed.Result.Errors);
        Assert.Equal(whole.IsValid, streamed.IsValid);
        Assert.Equal(whole.Entries.Count, streamed.ProductCount);
    }

    [Fact]
    public void The_entries_of_a_checked_file_stream_out_as_reading_it_whole_gives_them()
    {
        var path = WriteGenerated(250);
        var reader = new CatalogFileReader();

        var whole = reader.Read(System.IO.File.ReadAllBytes(path), "whole.csv").Entries;
        var streamed = reader.ReadCheckedEntries(path).ToList();

        Assert.Equal(whole.Count, streamed.Count);
        Assert.All(whole.Zip(streamed), pair =>
        {
            Assert.Equal(pair.First with { Accessories = [], TalkingPoints = [], Specs = [] }, pair.Second with { Accessories = [], TalkingPoints = [], Specs = [] });
            Assert.Equal(pair.First.Accessories, pair.Second.Accessories);
            Assert.Equal(pair.First.TalkingPoints, pair.Second.TalkingPoints);
            Assert.Equal(pair.First.Specs, pair.Second.Specs);
        });
    }

    /// <summary>Adds product NEW-1 "Moka pot" through EF, as the manager's editor does: the full-text insert trigger indexes it.</summary>
    private static async Task AddMokaPotAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var kitchen = await db.Categories.SingleAsync(c => c.Name == "Kitchen");
        var added = new Product { Sku = "NEW-1", Name = "Moka pot", Category = kitchen, PriceMinor = 100 };
        added.RefreshSearchText();
        db.Products.Add(added);
        await db.SaveChangesAsync();
    }

    private static CatalogLoader Loader(TestDatabase database) =>
        new(database, NullLogger<CatalogLoader>.Instance, new FakeTimeProvider(Now));

    private static byte[] Generate(int products)
    {
        using var output = new MemoryStream();
        new CatalogGenerator(products, seed: 42).Write(output);
        return output.ToArray();
    }

    private string WriteGenerated(int products) => WriteBytes(Generate(products));

    private string WriteText(string text) => WriteBytes(Encoding.UTF8.GetBytes(text));

    private string WriteBytes(byte[] bytes, string name = "catalog")
    {
        var path = Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The byte offset where a line (1 = header) starts.</summary>
    private static int IndexOfLine(byte[] bytes, int line)
    {
        var offset = 0;
        for (var i = 1; i < line; i++)
        {
            offset = Array.IndexOf(bytes, (byte)'\n', offset) + 1;
        }
        return offset;
    }

    private sealed record Counts(int Products, int Categories, int Families, int Specs, int TalkingPoints, int Links);

    private static async Task<Counts> CountsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return new Counts(
            await db.Products.CountAsync(),
            await db.Categories.CountAsync(),
            await db.Families.CountAsync(),
            await db.ProductSpecs.CountAsync(),
            await db.TalkingPoints.CountAsync(),
            await db.AccessoryLinks.CountAsync());
    }

    /// <summary>Every stored value of the catalog except ids, as text, ordered by SKU.</summary>
    private static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var products = await db.Products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Category).Include(p => p.Family).Include(p => p.Specs).Include(p => p.TalkingPoints)
            .Include(p => p.Accessories).ThenInclude(a => a.Accessory)
            .OrderBy(p => p.Sku)
            .ToListAsync();
        return products.Select(p => string.Join(" | ",
            p.Sku, p.Ean, p.Name, p.Brand, p.SearchText, p.Category!.Name, p.PriceMinor, p.Stock, p.Family?.Name, p.Tier, p.IsActive, p.Version,
            string.Join("; ", p.Specs.OrderBy(s => s.Position).Select(s => $"{s.Position} {s.Key}={s.Value}")),
            string.Join("; ", p.TalkingPoints.OrderBy(t => t.Position).Select(t => $"{t.Position} {t.Text} {t.UpdatedAt:O} {t.ReviewBy:O} {t.IsRetired} {t.Version}")),
            string.Join("; ", p.Accessories.OrderBy(a => a.Priority).Select(a => $"{a.Priority} {a.Accessory!.Sku}"))))
            .ToList();
    }

    private static async Task AssertEmptyAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Products.CountAsync());
        Assert.Equal(0, await db.Categories.CountAsync());
        Assert.Equal(0, await db.Families.CountAsync());
    }
}
