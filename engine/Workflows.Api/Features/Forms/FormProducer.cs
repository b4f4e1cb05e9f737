using Quartz;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.Runtime;
using Workflows.Engine.Signing.Documents;

namespace Workflows.Api.Features.Forms;

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
        while (true)
        {
            var batch = (await forms.ListUnhandledAsync(FormContents.TriggerTypes, BatchSize, cancellationToken)).Where(seen.Add).ToList();
            if (batch.Count == 0)
            {
                return new FormProduction(produced, skipped);
            }

            foreach (var dossier in batch.GroupBy(t => t.Dossier))
            {
                var state = await dossiers.FindAsync(dossier.Key, cancellationToken);
                var history = await dossiers.ReadHistoryAsync(dossier.Key, cancellationToken);
                var procedure = state is null ? null : await procedures.FindAsync(state.Definition, cancellationToken);
                var names = state is null ? new FormNames("", "", u => u.Value) : await NamesAsync(state, cancellationToken);
                foreach (var trigger in dossier)
                {
                    var form = FormContents.For(history, trigger.Sequence, procedure, names);
                    var pdf = form is { } f ? StoredContent.Of("application/pdf", DocumentRenderer.Render(f.Content).Pdf) : null;
                    if (await forms.RecordAsync(trigger, form?.Form, pdf, clock.VietnamNow(), cancellationToken) && form is not null)
                    {
                        produced++;
                        LogProduced(form.Value.Form, trigger.Dossier, trigger.Sequence);
                    }
                    else
                    {
                        skipped++;
                    }
                }
            }
        }
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await ProduceAsync(cancellationToken);

    private async Task<FormNames> NamesAsync(Engine.Execution.InstanceState state, CancellationToken ct)
    {
        var units = await directory.ListUnitsAsync(ct);
        var users = (await directory.ListUsersAsync(ct)).ToDictionary(u => u.Id);
        var unitName = units.FirstOrDefault(u => u.Id == state.Unit)?.Name ?? state.Unit.Value;
        string Name(UserId id) => users.TryGetValue(id, out var user) ? user.Name : id.Value;
        return new FormNames(unitName, state.SubmittedBy is { } s ? Name(s) : "", Name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Produced form {Form} for dossier {Dossier} event {Sequence}")]
    private partial void LogProduced(string form, DossierId dossier, long sequence);
}
