using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesAssistant.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilySearchName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Families",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
            // SQL cannot fold accents the way TextFolding does: CatalogInitializer fills the existing rows at startup.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Families");
        }
    }
}
