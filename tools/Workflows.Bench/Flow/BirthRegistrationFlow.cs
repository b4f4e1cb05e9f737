using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Serialization;

namespace Workflows.Bench.Flow;

/// <summary>One official's part in the five-step flow: which step, which outcome, which form fields.</summary>
public sealed record FlowStep(string Step, string Outcome, Actor Actor, IReadOnlyDictionary<string, JsonElement> Data)
{
    /// <summary>
    /// Approve and issue need a verified signature (the gate, docs/adr/0011). In-process benchmarks pass synthetic
    /// evidence, so they keep measuring the engine and the store; the HTTP benchmark signs for real via /sign.
    /// </summary>
    public SignatureEvidence? Signature { get; init; }
}

/// <summary>
/// The sample birth-registration procedure and the people who work it, as every benchmark drives it: a citizen
/// submits online, then desk, civil-status officer, chair, clerk and desk again complete the five steps. The
/// actors are the seeded demo users (the same the HTTP benchmark names in X-Workflows-User).
/// </summary>
public sealed class BirthRegistrationFlow
{
    public const string ProcedureId = "birth-registration";
    public const string UnitId = "xa-tan-an";

    private BirthRegistrationFlow(string definitionJson, ProcedureDefinition definition, DemoDirectory directory)
    {
        DefinitionJson = definitionJson;
        Definition = definition;
        Directory = directory;
        var users = directory.Users.ToDictionary(u => u.Id.Value, u => u.ToActor(), StringComparer.Ordinal);
        Citizen = users["citizen-an"];
        Steps =
        [
            new("receive", "accept", users["desk-lan"], Empty),
            new("appraise", "recommend", users["civil-hoa"], Fields(("appraisalNote", "Hồ sơ đầy đủ, hợp lệ."))),
            new("approve", "approve", users["chair-tuan"], Empty) { Signature = Synthetic(SignatureEvidenceKind.Personal, "chair-tuan", "draft", "approved") },
            new("issue", "issued", users["clerk-mai"], Empty) { Signature = Synthetic(SignatureEvidenceKind.Organization, UnitId, "approved", "sealed") },
            new("return", "returned", users["desk-lan"], Fields(("receivedBy", "Trần Thị Bình"))),
        ];
    }

    public string DefinitionJson { get; }

    public ProcedureDefinition Definition { get; }

    public DemoDirectory Directory { get; }

    public Actor Citizen { get; }

    public UnitId Unit { get; } = new(UnitId);

    /// <summary>The five human steps in order; each accepted completion is one transition.</summary>
    public ImmutableArray<FlowStep> Steps { get; }

    /// <summary>Submit plus the five completions.</summary>
    public int TransitionsPerDossier => Steps.Length + 1;

    private static SignatureEvidence Synthetic(SignatureEvidenceKind kind, string holder, string appliedOn, string signed) =>
        new(kind, holder, "bench-" + holder, "bench-" + holder, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7)), SignatureVerdict.Valid, signed, appliedOn);

    private static IReadOnlyDictionary<string, JsonElement> Empty { get; } = new Dictionary<string, JsonElement>();

    public static BirthRegistrationFlow Load()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "procedures", ProcedureId, "definition.json"));
        var parsed = Workflows.Engine.Definitions.DefinitionJson.Parse(json);
        var definition = parsed.Definition ?? throw new InvalidOperationException($"The sample {ProcedureId} definition does not parse: {string.Join("; ", parsed.Problems)}");
        var directory = JsonSerializer.Deserialize<DemoDirectory>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "demo-directory.json")), WorkflowJson.Options)!;
        return new BirthRegistrationFlow(json, definition, directory);
    }

    /// <summary>Form data of a submission: a realistic child, parents and declarant.</summary>
    public static IReadOnlyDictionary<string, JsonElement> SubmissionData(VietnameseNames names, DateOnly birthDate)
    {
        ArgumentNullException.ThrowIfNull(names);
        var (child, sex) = names.Child();
        var mother = names.Person(female: true);
        var fromMother = names.Coin();
        return Fields(
            ("childName", child),
            ("childBirthDate", birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("childSex", sex),
            ("birthPlace", names.BirthPlace()),
            ("motherName", mother),
            ("fatherName", names.Person(female: false)),
            ("declarantId", names.NationalId()),
            ("relationship", fromMother ? "mẹ" : "cha"));
    }

    public static IReadOnlyDictionary<string, JsonElement> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value), StringComparer.Ordinal);
}

/// <summary>The host's seed file (engine/Workflows.Api/Seed/demo-directory.json), linked into the bench.</summary>
public sealed record DemoDirectory(List<UnitRecord> Units, List<UserRecord> Users);
