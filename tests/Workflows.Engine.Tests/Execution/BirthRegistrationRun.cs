using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

/// <summary>Drives one dossier of the birth-registration sample, failing loudly on any rejection.</summary>
internal sealed class BirthRegistrationRun
{
    public static readonly DateTimeOffset Monday0800 = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    public static readonly DossierId Id = new(Guid.Parse("5a1d3c5e-0000-4000-8000-000000000001"));

    private readonly WorkflowExecutor executor = new(ContinuousCalendar.Instance);

    public BirthRegistrationRun()
        : this(SampleProcedures.Load("birth-registration"))
    {
    }

    public BirthRegistrationRun(Workflows.Engine.Definitions.ProcedureDefinition definition) => Procedure = ExecutableProcedure.Create(definition);

    public ExecutableProcedure Procedure { get; }

    public InstanceState? State { get; private set; }

    public DateTimeOffset Now { get; set; } = Monday0800;

    public List<Accepted> Accepted { get; } = [];

    public static IReadOnlyDictionary<string, System.Text.Json.JsonElement> ValidApplication => Json.Data(new
    {
        childName = "Nguyễn Văn An",
        childBirthDate = "2026-02-20",
        childSex = "nam",
        birthPlace = "Trạm y tế xã Tân An",
        motherName = "Trần Thị Bình",
        declarantId = "001234567890",
        relationship = "mẹ",
    });

    /// <summary><see cref="ValidApplication"/> with one field set to another value (or added).</summary>
    public static IReadOnlyDictionary<string, System.Text.Json.JsonElement> ApplicationWith(string key, object value) =>
        new Dictionary<string, System.Text.Json.JsonElement>(ValidApplication) { [key] = System.Text.Json.JsonSerializer.SerializeToElement(value) };

    public Decision Execute(WorkflowCommand command) => executor.Execute(Procedure, State, command, Now);

    public Accepted Do(WorkflowCommand command)
    {
        var decision = Execute(command);
        if (decision is Rejected rejected)
        {
            throw new ShouldAssertException($"Rejected: {rejected.Rejection}");
        }

        var accepted = (Accepted)decision;
        State = accepted.State;
        Accepted.Add(accepted);
        return accepted;
    }

    /// <summary>The applicant submits online and uploads the checklist's required components, as the portal does.</summary>
    public Accepted Submit()
    {
        var submitted = Do(new SubmitDossier(Id, Actors.Commune, SubmissionChannel.Online, ValidApplication, Actors.Citizen));
        foreach (var required in Procedure.Definition.Documents.Where(d => d.Required))
        {
            Attach(required.Key, Actors.Citizen);
        }

        return submitted;
    }

    public Accepted Attach(string component, Actor actor, string? id = null, int? stepInstance = null) =>
        Do(new AttachDocument(Attachment(component, id), stepInstance, actor));

    public static Workflows.Engine.Documents.Attachment Attachment(string component, string? id = null, string mediaType = "application/pdf", long size = 120_000) =>
        new(id ?? "scan-" + component, component, component + ".pdf", mediaType, size, new string('a', 64));

    public int TaskAt(string step) => State!.ActiveSteps.Single(s => s.Step.Value == step).Instance;

    public Accepted Complete(string step, string outcome, Actor actor, object? data = null) =>
        Do(new CompleteTask(TaskAt(step), outcome, data is null ? Json.None : Json.Data(data), actor));

    /// <summary>A signature the adapter would have verified: valid, by the actor (personal) or their unit (organization).</summary>
    public static SignatureEvidence Evidence(SignatureEvidenceKind kind, string holder, string appliedOn, string signed) =>
        new(kind, holder, $"thumb-{holder}", $"serial-{holder}", Monday0800, SignatureVerdict.Valid, signed, appliedOn);

    public static SignatureEvidence LeaderSignature(Actor leader) => Evidence(SignatureEvidenceKind.Personal, leader.User.Value, "draft", "approved");

    public static SignatureEvidence UnitSeal(UnitId unit) => Evidence(SignatureEvidenceKind.Organization, unit.Value, "approved", "sealed");

    public Accepted Sign(string step, string outcome, Actor actor, SignatureEvidence evidence) =>
        Do(new CompleteTask(TaskAt(step), outcome, Json.None, actor) { Signature = evidence });

    /// <summary>Receive → appraise → approve → issue: the dossier waits at "return" with its result ready.</summary>
    public void WalkToReturn()
    {
        Submit();
        Complete("receive", "accept", Actors.Desk);
        Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Hồ sơ hợp lệ" });
        Sign("approve", "approve", Actors.Chair, LeaderSignature(Actors.Chair));
        Sign("issue", "issued", Actors.Clerk, UnitSeal(Actors.Commune));
    }
}
