using Npgsql;
using NpgsqlTypes;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Catalog;

/// <summary>
/// PostgreSQL's form of <see cref="CatalogBulkWriter"/>: checked catalog entries into an empty catalog with Npgsql's
/// binary <c>COPY</c>, inside the caller's transaction. One connection runs one COPY at a time, so entries are written
/// in batches: the batch's new categories and families, then its products, specs, talking points and the accessory
/// links whose products are already written, each table one COPY. Memory holds one batch and the links to products
/// still to come, as with SQLite. Products, categories and families get the ids the caller gives them (the identity
/// sequences are moved past them at the end); specs and talking points get theirs from the database.
/// </summary>
internal sealed class CatalogCopyWriter(NpgsqlConnection connection, DateTimeOffset now)
{
    private const int BatchSize = 5_000;

    private readonly Dictionary<string, Category> categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Family> families = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Category> newCategories = [];
    private readonly List<Family> newFamilies = [];
    private readonly List<(int Id, Product Product)> products = new(BatchSize);
    private readonly List<(int ProductId, int AccessoryId, int Priority)> links = [];
    private readonly List<(int ProductId, int AccessoryId, int Priority)> linksToLaterProducts = [];
    private int lastWrittenId;

    public int ProductCount { get; private set; }

    public int CategoryCount => categories.Count;

    /// <param name="productIds">The id of every product of the catalog by SKU (ignoring case), for the accessory links.</param>
    public async Task AddAsync(int productId, CatalogEntry entry, IReadOnlyDictionary<string, int> productIds, CancellationToken ct)
    {
        var product = CatalogEntryMapping.NewProduct(entry, CategoryNamed(entry.Category), entry.Family is null ? null : FamilyNamed(entry.Family), now);
        products.Add((productId, product));
        for (var i = 0; i < entry.Accessories.Count; i++)
        {
            links.Add((productId, productIds[entry.Accessories[i]], i));
        }
        if (products.Count == BatchSize)
        {
            await FlushAsync(ct);
        }
    }

    /// <summary>Writes what is left, the links to products that came later in the file, and moves the id sequences on.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await CopyLinksAsync(linksToLaterProducts, ct);
        linksToLaterProducts.Clear();
        foreach (var table in new[] { "Categories", "Families", "Products" })
        {
            await using var command = new NpgsqlCommand(
                $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), GREATEST((SELECT MAX("Id") FROM "{table}"), 1))""", connection);
            await command.ExecuteScalarAsync(ct);
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (newCategories.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""COPY "Categories" ("Id", "Name") FROM STDIN (FORMAT BINARY)""", ct);
            foreach (var category in newCategories)
            {
                await copy.WriteRowAsync(ct, category.Id, category.Name);
            }
            await copy.CompleteAsync(ct);
            newCategories.Clear();
        }
        if (newFamilies.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""COPY "Families" ("Id", "Name", "SearchName") FROM STDIN (FORMAT BINARY)""", ct);
            foreach (var family in newFamilies)
            {
                await copy.WriteRowAsync(ct, family.Id, family.Name, family.SearchName);
            }
            await copy.CompleteAsync(ct);
            newFamilies.Clear();
        }
        if (products.Count == 0)
        {
            return;
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Products" ("Id", "Sku", "Ean", "Name", "Brand", "SearchText", "CategoryId", "PriceMinor", "Stock", "FamilyId", "Tier", "IsActive", "Version")
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (id, p) in products)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.Sku, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, p.Ean, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, p.Brand, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.SearchText, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Category!.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.PriceMinor, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(p.Stock, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, p.Family?.Id, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, p.Tier, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "ProductSpecs" ("ProductId", "Position", "Key", "Value") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (id, p) in products)
            {
                foreach (var spec in p.Specs)
                {
                    await copy.WriteRowAsync(ct, id, spec.Position, spec.Key, spec.Value);
                }
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "TalkingPoints" ("ProductId", "Position", "Text", "IsRetired", "ReviewBy", "UpdatedAt", "Version") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (id, p) in products)
            {
                foreach (var point in p.TalkingPoints)
                {
                    await copy.WriteRowAsync(ct, id, point.Position, point.Text, false,
                        point.ReviewBy.ToUnixTimeMilliseconds(), point.UpdatedAt.ToUnixTimeMilliseconds(), 0);
                }
            }
            await copy.CompleteAsync(ct);
        }

        ProductCount += products.Count;
        lastWrittenId = products[^1].Id;
        products.Clear();
        // A link to a product not written yet would break its foreign key: it waits for the end.
        linksToLaterProducts.AddRange(links.Where(l => l.AccessoryId > lastWrittenId));
        await CopyLinksAsync(links.Where(l => l.AccessoryId <= lastWrittenId), ct);
        links.Clear();
    }

    private async Task CopyLinksAsync(IEnumerable<(int ProductId, int AccessoryId, int Priority)> toWrite, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "AccessoryLinks" ("ProductId", "AccessoryId", "Priority") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var (productId, accessoryId, priority) in toWrite)
        {
            await copy.WriteRowAsync(ct, productId, accessoryId, priority);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private Category CategoryNamed(string name)
    {
        if (!categories.TryGetValue(name, out var category))
        {
            category = new Category { Id = categories.Count + 1, Name = name };
            categories.Add(name, category);
            newCategories.Add(category);
        }
        return category;
    }

    private Family FamilyNamed(string name)
    {
        if (!families.TryGetValue(name, out var family))
        {
            family = new Family { Id = families.Count + 1, Name = name };
            families.Add(name, family);
            newFamilies.Add(family);
        }
        return family;
    }
}
