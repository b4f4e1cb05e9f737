using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    private static readonly UserId AnalystAn = new("analyst-an");
    private static readonly UserId AnalystBao = new("analyst-bao");

    [Fact]
    public async Task First_draft_of_a_procedure_is_version_1_at_revision_1()
    {
        var procedure = Procedure("birth-registration");

        var saved = await Definitions.SaveDraftAsync(procedure with { Version = 42 }, AnalystAn, At(10, 9), expectedRevision: null, Ct);

        saved.Key.ShouldBe(new DefinitionKey(procedure.Id, 1));
        saved.Status.ShouldBe(DefinitionStatus.Draft);
        saved.Revision.ShouldBe(1);
        var found = await Definitions.FindAsync(saved.Key, Ct);
        found.ShouldNotBeNull();
        DefinitionJson.Serialize(found.Definition).ShouldBe(DefinitionJson.Serialize(procedure with { Version = 1 }));
        found.CreatedBy.ShouldBe(AnalystAn);
        found.CreatedAt.ShouldBe(At(10, 9));
        found.UpdatedBy.ShouldBe(AnalystAn);
    }

    [Fact]
    public async Task Saving_the_draft_again_replaces_it_and_increments_the_revision()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: 0, Ct);

        var saved = await Definitions.SaveDraftAsync(procedure with { Name = "Đăng ký khai sinh (sửa đổi)" }, AnalystBao, At(10, 10), expectedRevision: 1, Ct);

        saved.Revision.ShouldBe(2);
        var versions = await Definitions.ListVersionsAsync(procedure.Id, Ct);
        var only = versions.ShouldHaveSingleItem();
        only.Definition.Name.ShouldBe("Đăng ký khai sinh (sửa đổi)");
        only.Revision.ShouldBe(2);
        only.CreatedBy.ShouldBe(AnalystAn);
        only.UpdatedBy.ShouldBe(AnalystBao);
        only.UpdatedAt.ShouldBe(At(10, 10));
    }

    [Fact]
    public async Task Saving_from_an_old_revision_conflicts_and_names_who_saved_last()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: null, Ct);
        await Definitions.SaveDraftAsync(procedure with { Name = "Bảo's edit" }, AnalystBao, At(10, 9, 30), expectedRevision: 1, Ct);

        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Definitions.SaveDraftAsync(procedure with { Name = "An's edit" }, AnalystAn, At(10, 9, 45), expectedRevision: 1, Ct));

        conflict.Message.ShouldContain("analyst-bao");
        conflict.Message.ShouldContain("2025-03-10 09:30:00 +07:00");
        conflict.Message.ShouldContain("revision 2");
        (await Definitions.FindAsync(new(procedure.Id, 1), Ct))!.Definition.Name.ShouldBe("Bảo's edit");
    }

    [Fact]
    public async Task Starting_a_new_draft_when_one_exists_conflicts()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: 0, Ct);

        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Definitions.SaveDraftAsync(procedure, AnalystBao, At(10, 10), expectedRevision: 0, Ct));
    }

    [Fact]
    public async Task Publishing_freezes_the_draft_and_the_next_save_starts_version_2()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: null, Ct);

        var published = await Definitions.PublishAsync(new(procedure.Id, 1), AnalystBao, At(11, 8), "Áp dụng từ 01/04/2025", Ct);
        var next = await Definitions.SaveDraftAsync(procedure with { Name = "Phiên bản mới" }, AnalystAn, At(12, 8), expectedRevision: null, Ct);

        published.Status.ShouldBe(DefinitionStatus.Published);
        next.Key.Version.ShouldBe(2);
        next.Revision.ShouldBe(1);
        var first = await Definitions.FindAsync(new(procedure.Id, 1), Ct);
        first.ShouldNotBeNull();
        first.Status.ShouldBe(DefinitionStatus.Published);
        first.PublishedBy.ShouldBe(AnalystBao);
        first.PublishedAt.ShouldBe(At(11, 8));
        first.ChangeNote.ShouldBe("Áp dụng từ 01/04/2025");
        DefinitionJson.Serialize(first.Definition).ShouldBe(DefinitionJson.Serialize(procedure with { Version = 1 }));
    }

    [Fact]
    public async Task Only_a_draft_can_be_published()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: null, Ct);
        await Definitions.PublishAsync(new(procedure.Id, 1), AnalystAn, At(10, 10), changeNote: null, Ct);

        await Should.ThrowAsync<DefinitionNotDraftException>(() => Definitions.PublishAsync(new(procedure.Id, 1), AnalystBao, At(10, 11), changeNote: null, Ct));
        await Should.ThrowAsync<DefinitionNotDraftException>(() => Definitions.PublishAsync(new(procedure.Id, 9), AnalystBao, At(10, 11), changeNote: null, Ct));
        (await Definitions.FindAsync(new(procedure.Id, 1), Ct))!.PublishedBy.ShouldBe(AnalystAn);
    }

    [Fact]
    public async Task Saving_a_draft_that_was_published_meanwhile_conflicts_and_leaves_it_unchanged()
    {
        var procedure = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(10, 9), expectedRevision: null, Ct);
        await Definitions.PublishAsync(new(procedure.Id, 1), AnalystBao, At(10, 10), changeNote: null, Ct);

        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Definitions.SaveDraftAsync(procedure with { Name = "Late edit" }, AnalystAn, At(10, 11), expectedRevision: 1, Ct));

        conflict.Message.ShouldContain("published by analyst-bao");
        (await Definitions.ListVersionsAsync(procedure.Id, Ct)).ShouldHaveSingleItem().Definition.Name.ShouldBe(procedure.Name);
    }

    [Fact]
    public async Task Versions_list_in_order_and_the_latest_published_is_found()
    {
        var procedure = Procedure("birth-registration");
        for (var version = 1; version <= 2; version++)
        {
            await Definitions.SaveDraftAsync(procedure, AnalystAn, At(version, 9), expectedRevision: null, Ct);
            await Definitions.PublishAsync(new(procedure.Id, version), AnalystAn, At(version, 10), changeNote: null, Ct);
        }

        await Definitions.SaveDraftAsync(procedure, AnalystAn, At(3, 9), expectedRevision: null, Ct);
        var draftOnly = Procedure("marriage-registration", "Đăng ký kết hôn");
        await Definitions.SaveDraftAsync(draftOnly, AnalystAn, At(3, 9), expectedRevision: null, Ct);

        (await Definitions.ListVersionsAsync(procedure.Id, Ct)).Select(v => (v.Key.Version, v.Status))
            .ShouldBe([(1, DefinitionStatus.Published), (2, DefinitionStatus.Published), (3, DefinitionStatus.Draft)]);
        (await Definitions.FindLatestPublishedAsync(procedure.Id, Ct))!.Key.Version.ShouldBe(2);
        (await Definitions.FindLatestPublishedAsync(draftOnly.Id, Ct)).ShouldBeNull();
        (await Definitions.FindAsync(new(new ProcedureId("unknown"), 1), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Procedure_list_summarises_each_procedure()
    {
        var birth = Procedure("birth-registration");
        await Definitions.SaveDraftAsync(birth, AnalystAn, At(1, 9), expectedRevision: null, Ct);
        await Definitions.PublishAsync(new(birth.Id, 1), AnalystAn, At(1, 10), changeNote: null, Ct);
        await Definitions.SaveDraftAsync(birth with { Name = "Đăng ký khai sinh (2025)" }, AnalystAn, At(2, 9), expectedRevision: null, Ct);
        var marriage = Procedure("marriage-registration", "Đăng ký kết hôn");
        await Definitions.SaveDraftAsync(marriage, AnalystAn, At(3, 9), expectedRevision: null, Ct);

        var procedures = await Definitions.ListProceduresAsync(Ct);

        procedures.ShouldBe(
        [
            new ProcedureSummary(birth.Id, "Đăng ký khai sinh (2025)", LatestPublishedVersion: 1, DraftVersion: 2, VersionCount: 2),
            new ProcedureSummary(marriage.Id, "Đăng ký kết hôn", LatestPublishedVersion: null, DraftVersion: 1, VersionCount: 1),
        ]);
    }
}
