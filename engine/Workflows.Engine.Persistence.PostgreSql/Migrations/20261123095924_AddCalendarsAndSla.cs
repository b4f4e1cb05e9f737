using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workflows.Engine.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddCalendarsAndSla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_timers",
                table: "timers");

            migrationBuilder.AddColumn<int>(
                name: "rung",
                table: "timers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "priority",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_timers",
                table: "timers",
                columns: new[] { "dossier_id", "step_instance", "purpose", "rung" });

            migrationBuilder.CreateTable(
                name: "calendar_units",
                columns: table => new
                {
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    office_hours = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_units", x => x.unit_id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    entries = table.Column<string>(type: "jsonb", nullable: false),
                    removed_dates = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => new { x.unit_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_instance = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recipient_user = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recipient_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recipient_unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_dossiers",
                        column: x => x.dossier_id,
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dispatched_at",
                table: "notifications",
                column: "dispatched_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dossier_id",
                table: "notifications",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_unit_recipient_role_id",
                table: "notifications",
                columns: new[] { "recipient_unit", "recipient_role", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id",
                table: "notifications",
                columns: new[] { "recipient_user", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_units");

            migrationBuilder.DropTable(
                name: "calendar_years");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_timers",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "rung",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "tasks");

            migrationBuilder.AddPrimaryKey(
                name: "pk_timers",
                table: "timers",
                columns: new[] { "dossier_id", "step_instance" });
        }
    }
}
