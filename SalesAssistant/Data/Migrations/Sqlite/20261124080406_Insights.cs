using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesAssistant.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BasketLines_ProductId",
                table: "BasketLines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinishedOn",
                table: "Consultations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Consultations finished before this migration get their day too (FinishedAt is Unix milliseconds).
            migrationBuilder.Sql("""UPDATE "Consultations" SET "FinishedOn" = date("FinishedAt" / 1000, 'unixepoch') WHERE "FinishedAt" IS NOT NULL""");

            migrationBuilder.CreateTable(
                name: "CatalogChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogChanges_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CatalogChanges_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SaleOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SoldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalkingPointAbTests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointAId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointBId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkingPointAbTests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalkingPointAbTests_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TalkingPointAbTests_TalkingPoints_PointAId",
                        column: x => x.PointAId,
                        principalTable: "TalkingPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalkingPointAbTests_TalkingPoints_PointBId",
                        column: x => x.PointBId,
                        principalTable: "TalkingPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SaleLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SaleOrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SaleLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SaleLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SaleLines_SaleOrders_SaleOrderId",
                        column: x => x.SaleOrderId,
                        principalTable: "SaleOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    ShownAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AbTestId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadTalkingPointId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offers_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Offers_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offers_TalkingPointAbTests_AbTestId",
                        column: x => x.AbTestId,
                        principalTable: "TalkingPointAbTests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Offers_TalkingPoints_LeadTalkingPointId",
                        column: x => x.LeadTalkingPointId,
                        principalTable: "TalkingPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OfferTalkingPoints",
                columns: table => new
                {
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    TalkingPointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferTalkingPoints", x => new { x.OfferId, x.TalkingPointId });
                    table.ForeignKey(
                        name: "FK_OfferTalkingPoints_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferTalkingPoints_TalkingPoints_TalkingPointId",
                        column: x => x.TalkingPointId,
                        principalTable: "TalkingPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Step_FinishedAt",
                table: "Consultations",
                columns: new[] { "Step", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BasketLines_ProductId_ConsultationId",
                table: "BasketLines",
                columns: new[] { "ProductId", "ConsultationId" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_ChangedById",
                table: "CatalogChanges",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_ProductId_ChangedAt",
                table: "CatalogChanges",
                columns: new[] { "ProductId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_AbTestId_LeadTalkingPointId",
                table: "Offers",
                columns: new[] { "AbTestId", "LeadTalkingPointId" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ConsultationId_Step_ProductId",
                table: "Offers",
                columns: new[] { "ConsultationId", "Step", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offers_LeadTalkingPointId",
                table: "Offers",
                column: "LeadTalkingPointId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ProductId",
                table: "Offers",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferTalkingPoints_TalkingPointId",
                table: "OfferTalkingPoints",
                column: "TalkingPointId");

            migrationBuilder.CreateIndex(
                name: "IX_SaleLines_ProductId",
                table: "SaleLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SaleLines_SaleOrderId_ProductId",
                table: "SaleLines",
                columns: new[] { "SaleOrderId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaleOrders_OrderNumber",
                table: "SaleOrders",
                column: "OrderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SaleOrders_SoldAt",
                table: "SaleOrders",
                column: "SoldAt");

            migrationBuilder.CreateIndex(
                name: "IX_TalkingPointAbTests_PointAId",
                table: "TalkingPointAbTests",
                column: "PointAId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkingPointAbTests_PointBId",
                table: "TalkingPointAbTests",
                column: "PointBId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkingPointAbTests_ProductId",
                table: "TalkingPointAbTests",
                column: "ProductId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogChanges");

            migrationBuilder.DropTable(
                name: "OfferTalkingPoints");

            migrationBuilder.DropTable(
                name: "SaleLines");

            migrationBuilder.DropTable(
                name: "Offers");

            migrationBuilder.DropTable(
                name: "SaleOrders");

            migrationBuilder.DropTable(
                name: "TalkingPointAbTests");

            migrationBuilder.DropIndex(
                name: "IX_Consultations_Step_FinishedAt",
                table: "Consultations");

            migrationBuilder.DropIndex(
                name: "IX_BasketLines_ProductId_ConsultationId",
                table: "BasketLines");

            migrationBuilder.DropColumn(
                name: "FinishedOn",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Consultations");

            migrationBuilder.CreateIndex(
                name: "IX_BasketLines_ProductId",
                table: "BasketLines",
                column: "ProductId");
        }
    }
}
