using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
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

    /// <summary>
    /// Communes the persisted benchmarks spread their dossiers over: the demo's xa-tan-an and bench-seeded ones,
    /// as many as the largest worker count, so a province's load is spread over its communes' desks and
    /// registers instead of every worker racing for one desk's receipt numbers (issue 9, ADR 0011 "Known limit").
    /// </summary>
    public const int CommuneCount = 16;

    private static readonly string[] CommuneNames =
    [
        "Phú Lộc", "Hòa Bình", "An Phú", "Tân Hiệp", "Long Hưng", "Mỹ Thạnh", "Vĩnh Phúc", "Đông Hòa",
        "Tây Sơn", "Thạnh Lợi", "Bình An", "Phước Hưng", "Quảng Tiến", "Hưng Đạo", "Nhơn Mỹ",
    ];

    private BirthRegistrationFlow(string definitionJson, ProcedureDefinition definition, DemoDirectory demo)
    {
        DefinitionJson = definitionJson;
        Definition = definition;
        Directory = WithBenchCommunes(demo);
        var users = Directory.Users.ToDictionary(u => u.Id.Value, u => u.ToActor(), StringComparer.Ordinal);
        Citizen = users["citizen-an"];
        Components = [.. definition.Documents.Where(d => d.Required).Select(d => new Attachment(
            d.Key, d.Key, d.Key + ".pdf", MediaTypes.Pdf, ScanBytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ScanBytes))))];
        Steps = StepsOf(UnitId, users["desk-lan"], users["civil-hoa"], users["chair-tuan"], users["clerk-mai"]);
        Communes =
        [
            new Commune(Unit, Steps),
            .. Enumerable.Range(2, CommuneCount - 1).Select(n =>
            {
                var unit = BenchUnit(n);
                return new Commune(new Engine.Identity.UnitId(unit), StepsOf(unit, users[$"desk-{unit}"], users[$"civil-{unit}"], users[$"chair-{unit}"], users[$"clerk-{unit}"]));
            }),
        ];
    }

    private static string BenchUnit(int n) => $"xa-bench-{n:00}";

    private static ImmutableArray<FlowStep> StepsOf(string unit, Actor desk, Actor civil, Actor chair, Actor clerk) =>
    [
        new("receive", "accept", desk, Empty),
        new("appraise", "recommend", civil, Fields(("appraisalNote", "Hồ sơ đầy đủ, hợp lệ."))),
        new("approve", "approve", chair, Empty) { Signature = Synthetic(SignatureEvidenceKind.Personal, chair.User.Value, "draft", "approved") },
        new("issue", "issued", clerk, Empty) { Signature = Synthetic(SignatureEvidenceKind.Organization, unit, "approved", "sealed") },
        new("return", "returned", desk, Fields(("receivedBy", "Trần Thị Bình"))),
    ];

    /// <summary>The demo directory plus communes xa-bench-02… with a desk officer, civil-status officer, chair and clerk each.</summary>
    private static DemoDirectory WithBenchCommunes(DemoDirectory demo)
    {
        var home = demo.Units.Single(u => u.Id.Value == UnitId);
        var units = new List<UnitRecord>(demo.Units);
        var people = new List<UserRecord>(demo.Users);
        for (var n = 2; n <= CommuneCount; n++)
        {
            var unit = new Engine.Identity.UnitId(BenchUnit(n));
            units.Add(new UnitRecord(unit, $"UBND xã {CommuneNames[n - 2]}", home.Kind, home.Parent));
            people.Add(new UserRecord(new UserId($"desk-{unit.Value}"), $"Một cửa xã {CommuneNames[n - 2]}", unit, ["desk-officer"]));
            people.Add(new UserRecord(new UserId($"civil-{unit.Value}"), $"Tư pháp - hộ tịch xã {CommuneNames[n - 2]}", unit, ["civil-status-officer", "specialist"]));
            people.Add(new UserRecord(new UserId($"chair-{unit.Value}"), $"Chủ tịch UBND xã {CommuneNames[n - 2]}", unit, ["commune-chair", "leader"]));
            people.Add(new UserRecord(new UserId($"clerk-{unit.Value}"), $"Văn thư xã {CommuneNames[n - 2]}", unit, ["clerk"]));
        }

        return new DemoDirectory(units, people);
    }

    /// <summary>The communes the persisted benchmarks spread dossiers over; the first is the demo's xa-tan-an.</summary>
    public ImmutableArray<Commune> Communes { get; }

    /// <summary>The commune a worker receives its dossiers at: one desk per worker while there are enough communes.</summary>
    public Commune CommuneOf(int worker) => Communes[worker % Communes.Length];

    public string DefinitionJson { get; }

    public ProcedureDefinition Definition { get; }

    public DemoDirectory Directory { get; }

    public Actor Citizen { get; }

    public UnitId Unit { get; } = new(UnitId);

    /// <summary>The five human steps in order; each accepted completion is one transition.</summary>
    public ImmutableArray<FlowStep> Steps { get; }

    /// <summary>
    /// The required components of the checklist the citizen uploads after submitting (the desk cannot accept
    /// without them, ADR 0013); one command each. Ids are the component keys: unique within a dossier.
    /// </summary>
    public ImmutableArray<Attachment> Components { get; }

    /// <summary>A minimal well-formed PDF: what a scanner produces, as far as sniffing the type is concerned.</summary>
    public static byte[] ScanBytes { get; } = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% bench scan\n%%EOF\n");

    /// <summary>Submit, one upload per required component, and the five completions.</summary>
    public int TransitionsPerDossier => 1 + Components.Length + Steps.Length;

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

/// <summary>One commune's unit and the officials who work its dossiers through the five steps.</summary>
public sealed record Commune(UnitId Unit, ImmutableArray<FlowStep> Steps);

/// <summary>The host's seed file (engine/Workflows.Api/Seed/demo-directory.json), linked into the bench.</summary>
public sealed record DemoDirectory(List<UnitRecord> Units, List<UserRecord> Users);
