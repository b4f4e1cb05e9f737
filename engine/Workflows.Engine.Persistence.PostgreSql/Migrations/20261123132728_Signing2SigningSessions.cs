using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Engine.Persistence.PostgreSql.Migrations
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
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    task_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    signer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    prepared_layout = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_attributes = table.Column<byte[]>(type: "bytea", nullable: false),
                    digest_to_sign = table.Column<byte[]>(type: "bytea", nullable: false),
                    document_digest = table.Column<byte[]>(type: "bytea", nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    chain = table.Column<string>(type: "text", nullable: false),
                    context = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
