using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Validation;

public class CompetentUnitsTests
{
    private static readonly HashSet<UnitId> Directory = [new("xa-tan-an"), new("so-tu-phap")];

    private static DefinitionParseResult Parse(string competentUnits) =>
        DefinitionJson.Parse(SampleProcedures.ReadJson("birth-registration").Replace(
            """
            "competentUnits": { "kinds": ["commune"] }
            """, $"\"competentUnits\": {competentUnits}", StringComparison.Ordinal));

    private static System.Collections.Immutable.ImmutableArray<ValidationProblem> Problems(string competentUnits) =>
        Parse(competentUnits) is { Definition: { } definition } ? DefinitionValidator.Validate(definition, Directory).Problems : Parse(competentUnits).Problems;

    [Fact]
    public void Birth_registration_is_received_and_decided_by_communes_only()
    {
        var competent = SampleProcedures.Load("birth-registration").CompetentUnits;

        competent.Admits(new UnitId("xa-tan-an"), "commune").ShouldBeTrue();
        competent.Admits(new UnitId("so-tu-phap"), "department").ShouldBeFalse();
        competent.Admits(new UnitId("xa-moi"), null).ShouldBeFalse();
        competent.Describe().ShouldBe("units of kind commune");
    }

    [Fact]
    public void A_procedure_naming_units_admits_those_units_whatever_their_kind()
    {
        var competent = SampleProcedures.Load("criminal-record-certificate").CompetentUnits;

        competent.Admits(new UnitId("so-tu-phap"), "department").ShouldBeTrue();
        competent.Admits(new UnitId("so-xay-dung"), "department").ShouldBeFalse();
    }

    [Fact]
    public void A_procedure_without_competent_units_admits_every_unit()
    {
        CompetentUnits.Anywhere.Admits(new UnitId("so-tu-phap"), "department").ShouldBeTrue();
    }

    [Fact]
    public void Every_sample_procedure_says_who_may_receive_it()
    {
        foreach (var folder in System.IO.Directory.GetDirectories(SampleProcedures.Folder))
        {
            SampleProcedures.Load(Path.GetFileName(folder)).CompetentUnits.IsRestricted.ShouldBeTrue(folder);
        }
    }

    [Fact]
    public void An_unknown_unit_kind_is_an_error_listing_the_kinds()
    {
        var problem = Problems("""{ "kinds": ["district"] }""").ShouldHaveSingleItem();

        problem.Code.ShouldBe("unknown-unit-kind");
        problem.Location.ShouldBe("$.competentUnits.kinds[0]");
        problem.Message.ShouldContain("commune");
    }

    [Fact]
    public void A_unit_missing_from_the_directory_is_an_error()
    {
        var problem = Problems("""{ "units": ["so-khong-co"] }""").ShouldHaveSingleItem();

        problem.Code.ShouldBe("unknown-unit");
        problem.Location.ShouldBe("$.competentUnits.units[0]");
    }

    [Fact]
    public void An_empty_restriction_is_an_error_not_every_unit()
    {
        Problems("{}").ShouldHaveSingleItem().Code.ShouldBe("empty-competent-units");
    }

    [Fact]
    public void A_unit_id_that_is_not_an_id_is_reported_where_it_is()
    {
        var problem = Problems("""{ "units": ["Sở Tư pháp"] }""").ShouldHaveSingleItem();

        problem.Code.ShouldBe("invalid-unit");
        problem.Location.ShouldBe("$.competentUnits.units[0]");
    }

    [Fact]
    public void Competent_units_survive_writing_and_reading_the_file()
    {
        var original = SampleProcedures.Load("criminal-record-certificate");

        var again = SampleProcedures.Parse(DefinitionJson.Serialize(original));

        again.CompetentUnits.Units.ShouldBe([new UnitId("so-tu-phap")]);
        again.CompetentUnits.Kinds.ShouldBeEmpty();
    }
}
