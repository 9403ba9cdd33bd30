using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesAssistant.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An external-content FTS5 index over Products.SearchText (name, brand, SKU and EAN, already folded to
            // lower case without accents), kept in sync by triggers. EF Core has no FTS5 API: ProductSearch queries it
            // with SQL. prefix='2 3' adds prefix indexes so the first letters typed are cheap to look up.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ProductsFts" USING fts5(
                    "SearchText", content='Products', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2', prefix='2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_AfterInsert_Fts" AFTER INSERT ON "Products" BEGIN
                    INSERT INTO "ProductsFts"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_AfterDelete_Fts" AFTER DELETE ON "Products" BEGIN
                    INSERT INTO "ProductsFts"("ProductsFts", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Products_AfterUpdate_Fts" AFTER UPDATE OF "SearchText" ON "Products" BEGIN
                    INSERT INTO "ProductsFts"("ProductsFts", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
                    INSERT INTO "ProductsFts"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ProductsFts"("ProductsFts") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Products_AfterUpdate_Fts";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_AfterDelete_Fts";""");
            migrationBuilder.Sql("""DROP TRIGGER "Products_AfterInsert_Fts";""");
            migrationBuilder.Sql("""DROP TABLE "ProductsFts";""");
        }
    }
}
