using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    private static readonly RegisterKey Receipts = new(new UnitId("xa-tan-an"), "receipts", 2025);

    private IRegisterStore Registers => Get<IRegisterStore>();

    private async Task<InstanceState> SubmittedDossierAsync()
    {
        var change = Samples.Submitted(Samples.NewDossierId(), Receipts.Unit, Samples.At(3, 8));
        await Dossiers.SaveAsync(change, Ct);
        return change.State;
    }

    private static DossierChange Numbered(InstanceState state, long number) =>
        Samples.Next(state, Samples.At(3, 9), Samples.Officer, [new NumberAssigned("receipts", "receiptNumber", $"{number}/2025", number)], [new ConsumeNumber(Receipts, number, $"{number}/2025")]);

    [Fact]
    public async Task A_register_reads_zero_until_its_first_number_is_taken()
    {
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(0);

        await Dossiers.SaveAsync(Numbered(await SubmittedDossierAsync(), 1), Ct);
        await Dossiers.SaveAsync(Numbered(await SubmittedDossierAsync(), 2), Ct);

        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(2);
        (await Registers.ReadAsync([Receipts with { Year = 2026 }], Ct)).LastOf(Receipts with { Year = 2026 }).ShouldBe(0);
    }

    [Fact]
    public async Task A_number_someone_else_took_is_a_conflict_and_nothing_is_written()
    {
        var first = await SubmittedDossierAsync();
        var second = await SubmittedDossierAsync();
        await Dossiers.SaveAsync(Numbered(first, 1), Ct);
        await Dossiers.SaveAsync(Numbered(first with { Version = 2, LastEventSequence = first.LastEventSequence + 1 }, 2), Ct);

        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(Numbered(second, 2), Ct));
        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(Numbered(second, 1), Ct));

        (await Dossiers.FindAsync(second.Dossier, Ct))!.Version.ShouldBe(second.Version);
        (await Dossiers.ReadHistoryAsync(second.Dossier, Ct)).Count.ShouldBe((int)second.LastEventSequence);
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(2);
    }

    [Fact]
    public async Task Skipping_a_number_is_refused()
    {
        var dossier = await SubmittedDossierAsync();

        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(Numbered(dossier, 5), Ct));
    }

    [Fact]
    public async Task The_ledger_refuses_a_printed_number_the_register_issued_before()
    {
        var first = await SubmittedDossierAsync();
        var second = await SubmittedDossierAsync();
        await Dossiers.SaveAsync(Numbered(first, 1), Ct);

        // The register would take sequence 2, but the printed number repeats the first dossier's.
        var forged = Samples.Next(second, Samples.At(3, 9), Samples.Officer, [new NumberAssigned("receipts", "receiptNumber", "1/2025", 2)], [new ConsumeNumber(Receipts, 2, "1/2025")]);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(forged, Ct));

        (await Dossiers.FindAsync(second.Dossier, Ct))!.Version.ShouldBe(second.Version);
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(1);
    }
}
