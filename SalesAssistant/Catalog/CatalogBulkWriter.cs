using Microsoft.Data.Sqlite;
using SalesAssistant.Catalog.File;

namespace SalesAssistant.Catalog;

/// <summary>
/// Inserts checked catalog entries into an empty catalog with prepared, reused SQLite commands (one row each: with
/// Microsoft.Data.Sqlite, multi-row statements were slower here, binding parameters by name), inside the caller's
/// transaction. Products get the ids the caller gives them, so accessory links are written without looking anything
/// up; categories and families are created as found. Parents are always written before the rows referencing them. Writes what EF would write for the same entities (see
/// <see cref="CatalogLoader"/>); the columns are those of Configurations/ and the migrations.
/// </summary>
internal sealed class CatalogBulkWriter : IDisposable
{
    private readonly SqliteCommand insertCategory;
    private readonly SqliteCommand insertFamily;
    private readonly SqliteCommand insertProduct;
    private readonly SqliteCommand insertSpec;
    private readonly SqliteCommand insertTalkingPoint;
    private readonly SqliteCommand insertLink;
    private readonly Dictionary<string, int> categoryIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> familyIds = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Links to products not written yet wait here: a row referencing a missing one would break a foreign key for a
    /// while, and SQLite then checks every new product against the child tables (seen: 100k products 10× slower).
    /// </summary>
    private readonly List<(int ProductId, int AccessoryId, int Priority)> linksToLaterProducts = [];
    private readonly long updatedAt;
    private readonly long reviewBy;

    public CatalogBulkWriter(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
    {
        updatedAt = now.ToUnixTimeMilliseconds();
        reviewBy = (now + TalkingPoint.ReviewInterval).ToUnixTimeMilliseconds();

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

    public int CategoryCount => categoryIds.Count;

    /// <summary>Writes one product with its specs, talking points and accessory links.</summary>
    /// <param name="productIds">The id of every product of the catalog by SKU (ignoring case), for the accessory links.</param>
    public void Add(int productId, CatalogEntry entry, IReadOnlyDictionary<string, int> productIds)
    {
        var p = insertProduct.Parameters;
        p[0].Value = productId;
        p[1].Value = entry.Sku;
        p[2].Value = (object?)entry.Ean ?? DBNull.Value;
        p[3].Value = entry.Name;
        p[4].Value = (object?)entry.Brand ?? DBNull.Value;
        p[5].Value = Product.SearchTextOf(entry.Name, entry.Brand, entry.Sku, entry.Ean);
        p[6].Value = CategoryId(entry.Category);
        p[7].Value = entry.Price.Minor;
        p[8].Value = entry.Stock;
        p[9].Value = entry.Family is null ? DBNull.Value : FamilyId(entry.Family);
        p[10].Value = (object?)entry.Tier ?? DBNull.Value;
        insertProduct.ExecuteNonQuery();
        ProductCount++;

        for (var i = 0; i < entry.Specs.Count; i++)
        {
            var s = insertSpec.Parameters;
            s[0].Value = productId;
            s[1].Value = i;
            s[2].Value = entry.Specs[i].Key;
            s[3].Value = entry.Specs[i].Value;
            insertSpec.ExecuteNonQuery();
        }
        for (var i = 0; i < entry.TalkingPoints.Count; i++)
        {
            var t = insertTalkingPoint.Parameters;
            t[0].Value = productId;
            t[1].Value = i;
            t[2].Value = entry.TalkingPoints[i];
            t[3].Value = reviewBy;
            t[4].Value = updatedAt;
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

    private int CategoryId(string name) => IdOf(categoryIds, insertCategory, name);

    private int FamilyId(string name) => IdOf(familyIds, insertFamily, name, withSearchName: true);

    private static int IdOf(Dictionary<string, int> ids, SqliteCommand insert, string name, bool withSearchName = false)
    {
        if (!ids.TryGetValue(name, out var id))
        {
            id = ids.Count + 1;
            insert.Parameters[0].Value = id;
            insert.Parameters[1].Value = name;
            if (withSearchName)
            {
                insert.Parameters[2].Value = TextFolding.Fold(name);
            }
            insert.ExecuteNonQuery();
            ids.Add(name, id);
        }
        return id;
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
