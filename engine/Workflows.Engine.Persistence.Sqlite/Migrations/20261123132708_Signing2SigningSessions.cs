using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Engine.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Signing2SigningSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signing_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    task_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    signer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    prepared_layout = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    signed_attributes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    digest_to_sign = table.Column<byte[]>(type: "BLOB", nullable: false),
                    document_digest = table.Column<byte[]>(type: "BLOB", nullable: false),
                    certificate = table.Column<byte[]>(type: "BLOB", nullable: false),
                    chain = table.Column<string>(type: "TEXT", nullable: false),
                    context = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    consumed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signing_sessions_expires_at",
                table: "signing_sessions",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signing_sessions");
        }
    }
}
