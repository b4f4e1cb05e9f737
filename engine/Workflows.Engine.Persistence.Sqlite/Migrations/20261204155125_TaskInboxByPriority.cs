using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflows.Engine.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskInboxByPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_state_unit_id_role_due_at",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_state_unit_id_role_priority_due_at",
                table: "tasks",
                columns: new[] { "state", "unit_id", "role", "priority", "due_at" },
                descending: new[] { false, false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_state_unit_id_role_priority_due_at",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_state_unit_id_role_due_at",
                table: "tasks",
                columns: new[] { "state", "unit_id", "role", "due_at" });
        }
    }
}
