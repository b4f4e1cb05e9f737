using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Engine.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FormQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "form_queue",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_sequence = table.Column<long>(type: "bigint", nullable: false),
                    event_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_queue", x => new { x.dossier_id, x.event_sequence });
                });

            // Events committed before the queue existed and not yet handled by the form producer join it now
            // (the trigger types of FormTriggers.EventTypes at the time of this migration).
            migrationBuilder.Sql("""
                INSERT INTO form_queue (dossier_id, event_sequence, event_type)
                SELECT e.dossier_id, e.sequence, e.type FROM dossier_events e
                WHERE e.type IN ('status-changed', 'dossier-completed', 'appointment-rescheduled')
                  AND NOT EXISTS (SELECT 1 FROM dossier_forms f WHERE f.dossier_id = e.dossier_id AND f.event_sequence = e.sequence);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_queue");
        }
    }
}
