using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Engine.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IssuedNumbersLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "issued_numbers",
                columns: table => new
                {
                    unit_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    register = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    dossier_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_numbers", x => new { x.unit_id, x.register, x.year, x.sequence });
                    table.ForeignKey(
                        name: "fk_issued_numbers_dossiers",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_issued_numbers_dossier_id",
                table: "issued_numbers",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_numbers_unit_id_register_year_number",
                table: "issued_numbers",
                columns: new[] { "unit_id", "register", "year", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issued_numbers");
        }
    }
}
