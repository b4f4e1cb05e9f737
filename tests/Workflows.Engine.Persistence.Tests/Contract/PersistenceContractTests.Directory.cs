using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    [Fact]
    public async Task Directory_upsert_adds_then_updates_units_and_users()
    {
        var province = new UnitRecord(new UnitId("tinh-lam-dong"), "UBND tỉnh Lâm Đồng", UnitKind.Province, null);
        var commune = new UnitRecord(new UnitId("xa-ta-nung"), "UBND xã Tà Nung", UnitKind.Commune, province.Id);
        var officer = new UserRecord(new UserId("officer-an"), "Nguyễn Văn An", commune.Id, ["desk-officer"]);

        // Child before parent: the order of a seed file must not matter.
        await Directory.UpsertAsync([commune, province], [officer], Ct);
        await Directory.UpsertAsync(
            [commune with { Name = "UBND xã Tà Nung (mới)" }],
            [officer with { Roles = ["desk-officer", "specialist"] }, new UserRecord(new UserId("leader-binh"), "Trần Thị Bình", commune.Id, [])],
            Ct);

        (await Directory.ListUnitsAsync(Ct)).ShouldBe([province, commune with { Name = "UBND xã Tà Nung (mới)" }]);
        var users = await Directory.ListUsersAsync(Ct);
        users.Select(u => u.Id.Value).ShouldBe(["leader-binh", "officer-an"]);
        var found = await Directory.FindUserAsync(officer.Id, Ct);
        found.ShouldNotBeNull();
        found.Name.ShouldBe("Nguyễn Văn An");
        found.Roles.ShouldBe(["desk-officer", "specialist"]);
        found.ToActor().HasRole("specialist").ShouldBeTrue();
        (await Directory.FindUserAsync(new UserId("nobody"), Ct)).ShouldBeNull();
    }
}
