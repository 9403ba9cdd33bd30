using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesAssistant.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProductLookupIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Products_CategoryId_IsActive",
                table: "Products",
                columns: new[] { "CategoryId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Ean_Lookup",
                table: "Products",
                column: "Ean");

            migrationBuilder.CreateIndex(
                name: "IX_Products_FamilyId_Lookup",
                table: "Products",
                column: "FamilyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_CategoryId_IsActive",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Ean_Lookup",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_FamilyId_Lookup",
                table: "Products");
        }
    }
}
