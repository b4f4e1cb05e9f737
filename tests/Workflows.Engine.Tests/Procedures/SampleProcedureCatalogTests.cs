using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;
using Workflows.Engine.Simulation;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;
using Workflows.Tests.Shared;

namespace Workflows.Engine.Tests.Procedures;

/// <summary>
/// The shipped procedures (procedures/README.md): the seven of docs/domain.md, each valid without warnings against the
/// demo unit directory, each with the six golden trace kinds, and each trace kind showing what its name says.
/// </summary>
public class SampleProcedureCatalogTests
{
    private static readonly string[] SevenProcedures =
    [
        "birth-registration", "marriage-registration", "certified-copy", "criminal-record-certificate",
        "household-business-registration", "construction-permit-house", "land-use-certificate-first",
    ];

    private static readonly string[] TraceKinds = ["happy-path", "supplement", "refusal", "rework", "withdrawal", "late"];

    public static TheoryData<string> Procedures() => new(SevenProcedures);

    public static TheoryData<string, string> Scripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var procedure in SevenProcedures)
        {
            foreach (var kind in TraceKinds)
            {
                data.Add(procedure, kind);
            }
        }

        return data;
    }

    [Fact]
    public void The_seven_procedures_of_the_domain_notes_are_shipped_and_nothing_else()
    {
        Directory.EnumerateFiles(SampleProcedures.Folder, "definition.json", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))!)
            .Order(StringComparer.Ordinal)
            .ShouldBe(SevenProcedures.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void The_procedure_validates_without_errors_or_warnings_against_the_demo_directory(string procedure)
    {
        var report = DefinitionValidator.Validate(SampleProcedures.Load(procedure), DemoDirectory.Units);

        report.Problems.ShouldBeEmpty(string.Join(Environment.NewLine, report.Problems));
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void The_leader_may_stop_a_dossier(string procedure)
    {
        SampleProcedures.Load(procedure).Policies.StopRoles.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Procedures))]
    public void The_procedure_has_the_six_golden_trace_kinds(string procedure)
    {
        foreach (var kind in TraceKinds)
        {
            File.Exists(Path.Combine(SampleProcedures.Folder, procedure, "traces", kind + ".script.json")).ShouldBeTrue($"{procedure} has no {kind} trace.");
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_actor_of_the_script_is_a_demo_user_with_those_roles_in_that_unit(string procedure, string kind)
    {
        foreach (var (name, actor) in Load(procedure, kind).Actors)
        {
            DemoDirectory.Users.TryGetValue(actor.User, out var user).ShouldBeTrue($"{procedure}/{kind}: actor '{name}' ({actor.User}) is not in demo-directory.json.");
            user!.Unit.ShouldBe(actor.Unit, $"{procedure}/{kind}: {actor.User}");
            actor.Roles.ShouldBeSubsetOf(user.Roles, $"{procedure}/{kind}: {actor.User} does not hold [{string.Join(", ", actor.Roles)}] in the directory.");
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_trace_shows_what_its_name_says(string procedure, string kind)
    {
        var trace = Run(procedure, kind);
        var events = trace.Entries.SelectMany(e => e.Events ?? []).Select(e => e.Event).ToList();
        var final = trace.Final!;

        trace.Failure.ShouldBeNull();
        switch (kind)
        {
            case "happy-path":
                final.Status.ShouldBe("returned");
                final.CompletedAt!.Value.ShouldBeLessThanOrEqualTo(final.DueAt!.Value);
                events.OfType<StepCompleted>().ShouldNotContain(s => s.Outcome == "rework" || s.Outcome == "request-supplement");
                break;
            case "supplement":
                final.Status.ShouldBe("returned");
                final.CompletedAt!.Value.ShouldBeLessThanOrEqualTo(final.DueAt!.Value);
                events.OfType<DossierStatusChanged>().ShouldContain(s => s.To == DossierStatus.SupplementRequested);
                events.OfType<ClockPaused>().ShouldNotBeEmpty();
                break;
            case "refusal":
                final.Status.ShouldBe("refused");
                break;
            case "rework":
                final.Status.ShouldBe("returned");
                events.OfType<StepCompleted>().ShouldContain(s => s.Step.Value == "approve" && s.Outcome == "rework");
                break;
            case "withdrawal":
                final.Status.ShouldBe("withdrawn");
                events.OfType<DossierCompleted>().Single().Reason.ShouldNotBeNullOrWhiteSpace();
                break;
            case "late":
                final.Status.ShouldBe("returned");
                final.CompletedAt!.Value.ShouldBeGreaterThan(final.DueAt!.Value, $"{procedure}/late must finish after the appointment.");
                break;
        }
    }

    [Fact]
    public void The_traces_cross_a_holiday_and_include_an_after_hours_receipt()
    {
        var received = SevenProcedures.SelectMany(p => TraceKinds.Select(k => Run(p, k).Final!))
            .Where(f => f.ReceivedAt is not null && f.DueAt is not null)
            .ToList();
        var tet = new DateTimeOffset(2026, 2, 17, 12, 0, 0, TimeSpan.FromHours(7));
        var reunification = new DateTimeOffset(2026, 4, 30, 12, 0, 0, TimeSpan.FromHours(7));

        received.ShouldContain(f => f.ReceivedAt < tet && f.DueAt > tet);
        received.ShouldContain(f => f.ReceivedAt < reunification && f.DueAt > reunification);
        received.ShouldContain(f => f.ReceivedAt!.Value.TimeOfDay > new TimeSpan(17, 0, 0));
    }

    private static SimulationScript Load(string procedure, string kind) =>
        JsonSerializer.Deserialize<SimulationScript>(
            File.ReadAllText(Path.Combine(SampleProcedures.Folder, procedure, "traces", kind + ".script.json")), WorkflowJson.Options)!;

    private static SimulationTrace Run(string procedure, string kind)
    {
        var script = Load(procedure, kind);
        var calendars = DefaultCalendarSource.Around(script.SubmittedAt);
        return new Simulator(calendars).Run(ExecutableProcedure.Create(SampleProcedures.Load(procedure)), script);
    }

    /// <summary>engine/Workflows.Api/Seed/demo-directory.json, the units and users the API seeds.</summary>
    private static class DemoDirectory
    {
        private static readonly Lazy<(HashSet<UnitId> Units, Dictionary<string, DemoUser> Users)> Loaded = new(Read);

        public static IReadOnlySet<UnitId> Units => Loaded.Value.Units;

        public static Dictionary<string, DemoUser> Users => Loaded.Value.Users;

        private static (HashSet<UnitId>, Dictionary<string, DemoUser>) Read()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "engine", "Workflows.Api", "Seed", "demo-directory.json")));
            var units = json.RootElement.GetProperty("units").EnumerateArray().Select(u => new UnitId(u.GetProperty("id").GetString()!)).ToHashSet();
            var users = json.RootElement.GetProperty("users").EnumerateArray().ToDictionary(
                u => u.GetProperty("id").GetString()!,
                u => new DemoUser(u.GetProperty("unit").GetString()!, [.. u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)]));
            return (units, users);
        }
    }

    private sealed record DemoUser(string Unit, List<string> Roles);
}
