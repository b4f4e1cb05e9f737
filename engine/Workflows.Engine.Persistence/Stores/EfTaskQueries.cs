using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfTaskQueries(IDbContextFactory<WorkflowsDbContext> contexts) : ITaskQueries
{
    public async Task<IReadOnlyList<TaskView>> ListAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<TaskRow> tasks = db.Tasks.AsNoTracking();
        if (filter.Unit is { } unit)
        {
            tasks = tasks.Where(t => t.UnitId == unit.Value);
        }

        if (filter.Roles is { } roles)
        {
            // No roles means no group inbox at all, not "any role".
            var names = roles.ToArray();
            tasks = tasks.Where(t => names.Contains(t.Role));
        }

        if (filter.Assignee is { } assignee)
        {
            tasks = tasks.Where(t => t.Assignee == assignee.Value);
        }

        if (filter.Dossier is { } dossier)
        {
            tasks = tasks.Where(t => t.DossierId == dossier.Value);
        }

        if (filter.State is { } state)
        {
            tasks = tasks.Where(t => t.State == state);
        }

        // Raised priority first (the escalation ladder's raise-priority rung), then soonest due, undated last;
        // the key columns make the order total so pages never overlap.
        var rows = await tasks
            .OrderByDescending(t => t.Priority)
            .ThenBy(t => t.DueAt == null)
            .ThenBy(t => t.DueAt)
            .ThenBy(t => t.CreatedAt)
            .ThenBy(t => t.DossierId)
            .ThenBy(t => t.StepInstance)
            .Skip(filter.Skip)
            .Take(filter.Take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToView)];
    }

    private static TaskView ToView(TaskRow row) =>
        new(
            new TaskId(new DossierId(row.DossierId), row.StepInstance),
            new DefinitionKey(new ProcedureId(row.ProcedureId), row.DefinitionVersion),
            new StepId(row.StepId),
            row.Kind,
            row.StepName,
            row.Role,
            new UnitId(row.UnitId),
            row.State,
            row.CreatedAt)
        {
            Assignee = row.Assignee is null ? null : new UserId(row.Assignee),
            DueAt = row.DueAt,
            ClosedAt = row.ClosedAt,
            ClosedBy = row.ClosedBy is null ? null : new UserId(row.ClosedBy),
            Outcome = row.Outcome,
            Priority = row.Priority,
        };
}
