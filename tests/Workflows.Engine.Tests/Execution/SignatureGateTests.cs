using System.Collections.Immutable;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;
using static Workflows.Engine.Tests.Execution.BirthRegistrationRun;

namespace Workflows.Engine.Tests.Execution;

/// <summary>"No signature, no result": the core's gate on approval (personal signature) and issue (e-seal).</summary>
public class SignatureGateTests
{
    private static BirthRegistrationRun AtApproval()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Hồ sơ hợp lệ" });
        return run;
    }

    private static BirthRegistrationRun AtIssue()
    {
        var run = AtApproval();
        run.Sign("approve", "approve", Actors.Chair, LeaderSignature(Actors.Chair));
        return run;
    }

    private static Rejection Refused(BirthRegistrationRun run, string step, string outcome, Actor actor, SignatureEvidence? evidence)
    {
        var before = run.State;
        var decision = run.Execute(new CompleteTask(run.TaskAt(step), outcome, Json.None, actor) { Signature = evidence });
        run.State.ShouldBeSameAs(before);
        return decision.ShouldBeOfType<Rejected>().Rejection;
    }

    [Fact]
    public void Approval_without_a_signature_is_refused()
    {
        var rejection = Refused(AtApproval(), "approve", "approve", Actors.Chair, null);

        rejection.Code.ShouldBe(SignatureRejectionCodes.SignatureRequired);
        rejection.Message.ShouldStartWith("No signature, no result");
    }

    [Fact]
    public void Rework_and_refusal_need_no_signature()
    {
        var run = AtApproval();

        run.Complete("approve", "rework", Actors.Chair).State.Signatures.ShouldBe(ResultSignatures.None);
    }

    [Fact]
    public void A_personal_signature_by_someone_else_is_refused()
    {
        var someoneElse = new UserId("chair-khac");
        var evidence = Evidence(SignatureEvidenceKind.Personal, someoneElse.Value, "draft", "approved");

        var rejection = Refused(AtApproval(), "approve", "approve", Actors.Chair, evidence);

        rejection.Code.ShouldBe(SignatureRejectionCodes.WrongSigner);
        rejection.Message.ShouldContain("'chair-khac'");
        rejection.Message.ShouldContain("'chair-tuan'");
    }

    [Fact]
    public void An_organization_seal_cannot_stand_for_the_leader_s_signature()
    {
        var rejection = Refused(AtApproval(), "approve", "approve", Actors.Chair, UnitSeal(Actors.Commune));

        rejection.Code.ShouldBe(SignatureRejectionCodes.WrongSignatureKind);
    }

    [Theory]
    [InlineData(SignatureVerdict.Expired, "expired")]
    [InlineData(SignatureVerdict.Revoked, "revoked")]
    [InlineData(SignatureVerdict.Untrusted, "untrusted")]
    [InlineData(SignatureVerdict.Modified, "modified")]
    [InlineData(SignatureVerdict.Invalid, "invalid")]
    public void A_signature_that_did_not_verify_is_refused_with_its_reason(SignatureVerdict verdict, string word)
    {
        var evidence = LeaderSignature(Actors.Chair) with { Verdict = verdict, VerdictReason = "certificate serial-chair-tuan" };

        var rejection = Refused(AtApproval(), "approve", "approve", Actors.Chair, evidence);

        rejection.Code.ShouldBe(SignatureRejectionCodes.SignatureNotValid);
        rejection.Message.ShouldContain($"is {word} (certificate serial-chair-tuan)");
    }

    [Fact]
    public void Approval_records_what_the_leader_signed()
    {
        var run = AtApproval();

        var accepted = run.Sign("approve", "approve", Actors.Chair, LeaderSignature(Actors.Chair));

        var personal = accepted.State.Signatures.Personal.ShouldNotBeNull();
        personal.ShouldBe(new SignedResult(run.Accepted[^2].State.ActiveSteps.Single(s => s.Step.Value == "approve").Instance,
            SignatureEvidenceKind.Personal, "chair-tuan", "thumb-chair-tuan", "serial-chair-tuan", Monday0800, "approved", "draft"));
        accepted.Events.Select(e => e.Event).OfType<ResultSigned>().ShouldHaveSingleItem().Signature.ShouldBe(personal);
        accepted.State.Signatures.Organization.ShouldBeNull();
    }

    [Fact]
    public void Issue_without_the_unit_s_seal_is_refused()
    {
        Refused(AtIssue(), "issue", "issued", Actors.Clerk, null).Code.ShouldBe(SignatureRejectionCodes.SignatureRequired);
    }

    [Fact]
    public void A_seal_of_another_unit_is_refused()
    {
        var rejection = Refused(AtIssue(), "issue", "issued", Actors.Clerk, UnitSeal(Actors.OtherCommune));

        rejection.Code.ShouldBe(SignatureRejectionCodes.WrongUnit);
        rejection.Message.ShouldContain("'xa-binh-minh'");
    }

    [Fact]
    public void A_personal_signature_cannot_stand_for_the_seal()
    {
        var evidence = Evidence(SignatureEvidenceKind.Personal, Actors.Clerk.User.Value, "approved", "sealed");

        Refused(AtIssue(), "issue", "issued", Actors.Clerk, evidence).Code.ShouldBe(SignatureRejectionCodes.WrongSignatureKind);
    }

    [Fact]
    public void A_revoked_seal_is_refused()
    {
        var evidence = UnitSeal(Actors.Commune) with { Verdict = SignatureVerdict.Revoked };

        Refused(AtIssue(), "issue", "issued", Actors.Clerk, evidence).Code.ShouldBe(SignatureRejectionCodes.SignatureNotValid);
    }

    [Fact]
    public void A_seal_on_a_result_changed_after_approval_is_refused()
    {
        var evidence = UnitSeal(Actors.Commune) with { AppliedOnDigest = "approved-then-edited" };

        var rejection = Refused(AtIssue(), "issue", "issued", Actors.Clerk, evidence);

        rejection.Code.ShouldBe(SignatureRejectionCodes.ResultChangedAfterApproval);
        rejection.Message.ShouldStartWith("The result changed after approval");
    }

    [Fact]
    public void A_seal_carrying_another_number_than_the_register_gives_is_refused()
    {
        var evidence = UnitSeal(Actors.Commune) with { ResultNumber = "7/2026/KS" };

        var rejection = Refused(AtIssue(), "issue", "issued", Actors.Clerk, evidence);

        rejection.Code.ShouldBe(SignatureRejectionCodes.ResultNumberMismatch);
        rejection.Message.ShouldContain("'1/2026/KS'");
    }

    [Fact]
    public void The_clerk_cannot_type_the_result_number()
    {
        var run = AtIssue();
        var before = run.State;

        var decision = run.Execute(new CompleteTask(run.TaskAt("issue"), "issued", Json.Data(new { registerNumber = "99/2026/KS" }), Actors.Clerk) { Signature = UnitSeal(Actors.Commune) });

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        run.State.ShouldBeSameAs(before);
    }

    [Fact]
    public void Issue_with_both_signatures_numbers_the_result_and_makes_it_ready()
    {
        var run = AtIssue();

        var accepted = run.Sign("issue", "issued", Actors.Clerk, UnitSeal(Actors.Commune) with { ResultNumber = "1/2026/KS" });

        accepted.State.Status.ShouldBe(DossierStatus.ResultReady);
        accepted.State.Data["registerNumber"].GetString().ShouldBe("1/2026/KS");
        var seal = accepted.State.Signatures.Organization.ShouldNotBeNull();
        seal.Holder.ShouldBe("xa-tan-an");
        seal.AppliedOnDigest.ShouldBe(accepted.State.Signatures.Personal!.SignedRevisionDigest);
    }

    [Fact]
    public void A_new_approval_supersedes_the_earlier_seal()
    {
        var run = AtIssue();
        var first = run.State!.Signatures.Personal;

        run.Do(new ReturnTask(run.TaskAt("issue"), "Số trang sai; trình ký lại.", Actors.Clerk));
        var again = run.Sign("approve", "approve", Actors.Chair, Evidence(SignatureEvidenceKind.Personal, "chair-tuan", "draft-2", "approved-2"));

        again.State.Signatures.Personal.ShouldNotBe(first);
        Refused(run, "issue", "issued", Actors.Clerk, UnitSeal(Actors.Commune)).Code.ShouldBe(SignatureRejectionCodes.ResultChangedAfterApproval);
    }

    [Fact]
    public void Result_ready_is_unreachable_without_the_signatures_whatever_the_graph_says()
    {
        const string definition = """
            { "id": "shortcut", "name": "Shortcut",
              "roles": [ { "id": "clerk", "name": "Clerk" }, { "id": "leader", "name": "Leader" } ],
              "form": { "fields": [] },
              "steps": [
                { "id": "start", "kind": "start" },
                { "id": "approve", "kind": "signature", "role": "leader", "outcomes": ["approve", "skip"] },
                { "id": "ready", "kind": "task", "role": "clerk", "status": "result-ready", "outcomes": ["returned"] },
                { "id": "done", "kind": "end", "status": "returned" }
              ],
              "transitions": [
                { "from": "start", "to": "approve" },
                { "from": "approve", "to": "ready", "outcome": "approve" }, { "from": "approve", "to": "ready", "outcome": "skip" },
                { "from": "ready", "to": "done", "outcome": "returned" }
              ] }
            """;
        var procedure = SampleProcedures.Executable(definition);
        var executor = new WorkflowExecutor(ContinuousCalendar.Instance);
        var leader = new Actor(new UserId("leader-an"), Actors.Commune, ["leader"]);
        var state = ((Accepted)executor.Execute(procedure, null, new SubmitDossier(Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), Monday0800)).State;

        var decision = executor.Execute(procedure, state, new CompleteTask(2, "skip", Json.None, leader), Monday0800);

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(SignatureRejectionCodes.ResultNotSigned);
    }

    [Theory]
    [InlineData("""{ "id": "approve", "kind": "signature", "role": "leader", "outcomes": ["ok"] }""", "sign-on-missing")]
    [InlineData("""{ "id": "approve", "kind": "signature", "role": "leader", "outcomes": ["ok"], "signOn": ["approve"] }""", "unknown-outcome")]
    [InlineData("""{ "id": "approve", "kind": "task", "role": "leader", "outcomes": ["ok"], "signOn": ["ok"] }""", "sign-on-not-allowed")]
    public void The_validator_says_which_outcome_signs(string step, string code)
    {
        var definition = $$"""
            { "id": "signing", "name": "Signing", "roles": [ { "id": "leader", "name": "Leader" } ], "form": { "fields": [] },
              "steps": [ { "id": "start", "kind": "start" }, {{step}}, { "id": "done", "kind": "end", "status": "returned" } ],
              "transitions": [ { "from": "start", "to": "approve" }, { "from": "approve", "to": "done", "outcome": "ok" } ] }
            """;

        var report = DefinitionValidator.Validate(SampleProcedures.Parse(definition));

        report.Problems.ShouldContain(p => p.Code == code && p.Step == "approve");
    }

    [Fact]
    public void Sign_on_defaults_to_approve_for_signature_steps_and_every_outcome_for_issue_steps()
    {
        var procedure = SampleProcedures.Load("birth-registration");

        SigningRules.SignOutcomes(procedure.Steps.Single(s => s.Id.Value == "approve") with { SignOn = [] }).ShouldBe(["approve"]);
        SigningRules.SignOutcomes(procedure.Steps.Single(s => s.Id.Value == "issue") with { SignOn = [] }).ShouldBe(["issued"]);
        SigningRules.SignOutcomes(procedure.Steps.Single(s => s.Id.Value == "receive")).ShouldBe(ImmutableArray<string>.Empty);
    }
}
