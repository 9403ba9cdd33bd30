using Microsoft.Data.Sqlite;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Catalog;

/// <summary>
/// Inserts checked catalog entries into an empty catalog with prepared, reused SQLite commands (one row each: with
/// Microsoft.Data.Sqlite, multi-row statements were slower here, binding parameters by name), inside the caller's
/// transaction. Products get the ids the caller gives them, so accessory links are written without looking anything
/// up; categories and families are created as found. Parents are always written before the rows referencing them. The
/// values come from <see cref="CatalogEntryMapping"/>, as with EF (see <see cref="CatalogLoader"/>); the columns are those
/// of Data/Configurations/ and the migrations.
/// </summary>
internal sealed class CatalogBulkWriter : IDisposable
{
    private readonly SqliteCommand insertCategory;
    private readonly SqliteCommand insertFamily;
    private readonly SqliteCommand insertProduct;
    private readonly SqliteCommand insertSpec;
    private readonly SqliteCommand insertTalkingPoint;
    private readonly SqliteCommand insertLink;
    private readonly Dictionary<string, Category> categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Family> families = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Links to products not written yet wait here: a row referencing a missing one would break a foreign key for a
    /// while, and SQLite then checks every new product against the child tables (seen: 100k products 10× slower).
    /// </summary>
    private readonly List<(int ProductId, int AccessoryId, int Priority)> linksToLaterProducts = [];
    private readonly DateTimeOffset now;

    public CatalogBulkWriter(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        this.now = now;

        insertCategory = Prepare(connection, transaction,
            """INSERT INTO "Categories" ("Id", "Name") VALUES ($id, $name)""", "$id", "$name");
        insertFamily = Prepare(connection, transaction,
            """INSERT INTO "Families" ("Id", "Name", "SearchName") VALUES ($id, $name, $searchName)""", "$id", "$name", "$searchName");
        insertProduct = Prepare(connection, transaction,
            """
            INSERT INTO "Products" ("Id", "Sku", "Ean", "Name", "Brand", "SearchText", "CategoryId", "PriceMinor", "Stock", "FamilyId", "Tier", "IsActive", "Version")
            VALUES ($id, $sku, $ean, $name, $brand, $searchText, $categoryId, $priceMinor, $stock, $familyId, $tier, 1, 0)
            """,
            "$id", "$sku", "$ean", "$name", "$brand", "$searchText", "$categoryId", "$priceMinor", "$stock", "$familyId", "$tier");
        insertSpec = Prepare(connection, transaction,
            """INSERT INTO "ProductSpecs" ("ProductId", "Position", "Key", "Value") VALUES ($productId, $position, $key, $value)""",
            "$productId", "$position", "$key", "$value");
        insertTalkingPoint = Prepare(connection, transaction,
            """
            INSERT INTO "TalkingPoints" ("ProductId", "Position", "Text", "IsRetired", "ReviewBy", "UpdatedAt", "Version")
            VALUES ($productId, $position, $text, 0, $reviewBy, $updatedAt, 0)
            """,
            "$productId", "$position", "$text", "$reviewBy", "$updatedAt");
        insertLink = Prepare(connection, transaction,
            """INSERT INTO "AccessoryLinks" ("ProductId", "AccessoryId", "Priority") VALUES ($productId, $accessoryId, $priority)""",
            "$productId", "$accessoryId", "$priority");
    }

    public int ProductCount { get; private set; }

    public int CategoryCount => categories.Count;

    /// <summary>Writes one product with its specs, talking points and accessory links.</summary>
    /// <param name="productIds">The id of every product of the catalog by SKU (ignoring case), for the accessory links.</param>
    public void Add(int productId, CatalogEntry entry, IReadOnlyDictionary<string, int> productIds)
    {
        var product = CatalogEntryMapping.NewProduct(entry, CategoryNamed(entry.Category), entry.Family is null ? null : FamilyNamed(entry.Family), now);
        var p = insertProduct.Parameters;
        p[0].Value = productId;
        p[1].Value = product.Sku;
        p[2].Value = (object?)product.Ean ?? DBNull.Value;
        p[3].Value = product.Name;
        p[4].Value = (object?)product.Brand ?? DBNull.Value;
        p[5].Value = product.SearchText;
        p[6].Value = product.Category!.Id;
        p[7].Value = product.PriceMinor;
        p[8].Value = product.Stock;
        p[9].Value = (object?)product.Family?.Id ?? DBNull.Value;
        p[10].Value = (object?)product.Tier ?? DBNull.Value;
        insertProduct.ExecuteNonQuery();
        ProductCount++;

        foreach (var spec in product.Specs)
        {
            var s = insertSpec.Parameters;
            s[0].Value = productId;
            s[1].Value = spec.Position;
            s[2].Value = spec.Key;
            s[3].Value = spec.Value;
            insertSpec.ExecuteNonQuery();
        }
        foreach (var point in product.TalkingPoints)
        {
            var t = insertTalkingPoint.Parameters;
            t[0].Value = productId;
            t[1].Value = point.Position;
            t[2].Value = point.Text;
            t[3].Value = point.ReviewBy.ToUnixTimeMilliseconds();
            t[4].Value = point.UpdatedAt.ToUnixTimeMilliseconds();
            insertTalkingPoint.ExecuteNonQuery();
        }
        for (var i = 0; i < entry.Accessories.Count; i++)
        {
            var accessoryId = productIds[entry.Accessories[i]];
            if (accessoryId < productId)
            {
                InsertLink(productId, accessoryId, i);
            }
            else
            {
                linksToLaterProducts.Add((productId, accessoryId, i));
            }
        }
    }

    /// <summary>Writes the links to products that came later in the file; call after the last <see cref="Add"/>.</summary>
    public void Finish()
    {
        foreach (var (productId, accessoryId, priority) in linksToLaterProducts)
        {
            InsertLink(productId, accessoryId, priority);
        }
        linksToLaterProducts.Clear();
    }

    private void InsertLink(int productId, int accessoryId, int priority)
    {
        var l = insertLink.Parameters;
        l[0].Value = productId;
        l[1].Value = accessoryId;
        l[2].Value = priority;
        insertLink.ExecuteNonQuery();
    }

    private Category CategoryNamed(string name)
    {
        if (!categories.TryGetValue(name, out var category))
        {
            category = new Category { Id = categories.Count + 1, Name = name };
            insertCategory.Parameters[0].Value = category.Id;
            insertCategory.Parameters[1].Value = category.Name;
            insertCategory.ExecuteNonQuery();
            categories.Add(name, category);
        }
        return category;
    }

    private Family FamilyNamed(string name)
    {
        if (!families.TryGetValue(name, out var family))
        {
            family = new Family { Id = families.Count + 1, Name = name };
            insertFamily.Parameters[0].Value = family.Id;
            insertFamily.Parameters[1].Value = family.Name;
            insertFamily.Parameters[2].Value = family.SearchName;
            insertFamily.ExecuteNonQuery();
            families.Add(name, family);
        }
        return family;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        insertCategory.Dispose();
        insertFamily.Dispose();
        insertProduct.Dispose();
        insertSpec.Dispose();
        insertTalkingPoint.Dispose();
        insertLink.Dispose();
    }
}
