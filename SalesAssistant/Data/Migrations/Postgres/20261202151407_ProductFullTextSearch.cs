using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesAssistant.Data.Migrations.Postgres
{
    /// <summary>
    /// The product search's full-text index, PostgreSQL's form of SQLite's ProductsFts: a tsvector of
    /// "SearchText" (already folded by TextFolding, so both databases search the same words) split into runs of
    /// letters and digits as SQLite's unicode61 tokenizer splits it, through unaccent then simple (lower case, no
    /// stemming, no stop words). A stored generated column with a GIN index: the database keeps both in sync.
    /// </summary>
    public partial class ProductFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION sales_search (COPY = pg_catalog.simple);
                ALTER TEXT SEARCH CONFIGURATION sales_search
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, simple;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Products" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('sales_search'::regconfig, regexp_replace("SearchText", '[^[:alnum:]]+', ' ', 'g'))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Products_SearchVector" ON "Products" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Products_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Products" DROP COLUMN "SearchVector";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION sales_search;");
        }
    }
}
