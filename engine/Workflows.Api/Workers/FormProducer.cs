using Quartz;
using Workflows.Api.Features.Forms;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Application;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing;

namespace Workflows.Api.Workers;

/// <summary>What one production run did.</summary>
public sealed record FormProduction(int Produced, int Skipped);

/// <summary>
/// Produces forms 01–04 from committed events, after the command that caused them: the command never waits for a
/// PDF. Exactly once per event follows from the ledger's key (dossier, event sequence): a second host, or a rerun
/// after a crash between rendering and recording, finds the row and writes nothing. Quartz only wakes it; tests
/// call <see cref="ProduceAsync"/> directly with a fake clock.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class FormProducer(
    IDossierFormStore forms, IDossierStore dossiers, ExecutableProcedureCache procedures, IDirectory directory, TimeProvider clock, ILogger<FormProducer> logger) : IJob
{
    public const int BatchSize = 100;

    public static readonly JobKey Key = new("produce-forms", "workflows");

    public async Task<FormProduction> ProduceAsync(CancellationToken cancellationToken)
    {
        var produced = 0;
        var skipped = 0;
        var seen = new HashSet<FormTrigger>();
        PeopleNames? people = null; // read once per run, not once per dossier
        while (true)
        {
            var batch = (await forms.ListUnhandledAsync(FormTriggers.EventTypes, BatchSize, cancellationToken)).Where(seen.Add).ToList();
            if (batch.Count == 0)
            {
                return new FormProduction(produced, skipped);
            }

            var noForm = new List<FormTrigger>();
            foreach (var dossier in batch.GroupBy(t => t.Dossier))
            {
                var state = await dossiers.FindAsync(dossier.Key, cancellationToken);
                var history = await dossiers.ReadHistoryAsync(dossier.Key, cancellationToken);
                var procedure = state is null ? null : await procedures.FindAsync(state.Definition, cancellationToken);
                people ??= await PeopleNames.ReadAsync(directory, cancellationToken);
                var names = state is null ? new FormNames("", "", u => u.Value) : people.NamesFor(state);
                foreach (var trigger in dossier)
                {
                    if (FormContents.For(history, trigger.Sequence, procedure, names) is not { } form)
                    {
                        noForm.Add(trigger);
                        continue;
                    }

                    var pdf = StoredContent.Of("application/pdf", DocumentRenderer.Render(form.Content).Pdf);
                    if (await forms.RecordAsync(trigger, form.Form, pdf, clock.VietnamNow(), cancellationToken))
                    {
                        produced++;
                        LogProduced(form.Form, trigger.Dossier, trigger.Sequence);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }

            // The events that print nothing (most status changes) are marked handled together, in one commit.
            await forms.RecordNoFormAsync(noForm, clock.VietnamNow(), cancellationToken);
            skipped += noForm.Count;
        }
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await ProduceAsync(cancellationToken);

    /// <summary>The unit and people names forms print, read from the directory once per run.</summary>
    private sealed class PeopleNames(IReadOnlyList<UnitRecord> units, Dictionary<UserId, UserRecord> users)
    {
        public static async Task<PeopleNames> ReadAsync(IDirectory directory, CancellationToken ct) =>
            new(await directory.ListUnitsAsync(ct), (await directory.ListUsersAsync(ct)).ToDictionary(u => u.Id));

        public FormNames NamesFor(Engine.Execution.InstanceState state)
        {
            var unitName = units.FirstOrDefault(u => u.Id == state.Unit)?.Name ?? state.Unit.Value;
            return new FormNames(unitName, state.SubmittedBy is { } s ? Name(s) : "", Name);
        }

        private string Name(UserId id) => users.TryGetValue(id, out var user) ? user.Name : id.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced form {Form} for dossier {Dossier} event {Sequence}")]
    private partial void LogProduced(string form, DossierId dossier, long sequence);
}
