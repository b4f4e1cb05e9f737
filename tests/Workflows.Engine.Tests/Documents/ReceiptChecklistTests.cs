using Workflows.Engine.Documents;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Documents;

public class ReceiptChecklistTests
{
    private static BirthRegistrationRun SubmittedWithout(params string[] missing)
    {
        var run = new BirthRegistrationRun();
        run.Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ValidApplication, Actors.Citizen));
        foreach (var required in run.Procedure.Definition.Documents.Where(d => d.Required && !missing.Contains(d.Key)))
        {
            run.Attach(required.Key, Actors.Citizen);
        }

        return run;
    }

    private static Rejection Rejection(Decision decision) => decision.ShouldBeOfType<Rejected>().Rejection;

    [Fact]
    public void The_desk_cannot_accept_while_a_required_component_is_missing_and_is_told_which()
    {
        var run = SubmittedWithout("birth-certificate-medical");
        var before = run.State;

        var rejection = Rejection(run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.None, Actors.Desk)));

        rejection.Code.ShouldBe(DocumentRejections.DocumentsMissing);
        rejection.Message.ShouldContain("birth-certificate-medical");
        rejection.Message.ShouldContain("Giấy chứng sinh");
        rejection.Message.ShouldNotContain("birth-registration-form");
        run.State.ShouldBeSameAs(before);
    }

    [Fact]
    public void Refusing_or_requesting_a_supplement_does_not_need_the_components()
    {
        var run = SubmittedWithout("birth-certificate-medical", "birth-registration-form");

        var accepted = run.Complete("receive", "request-supplement", Actors.Desk, new { missingDocuments = "Giấy chứng sinh" });

        accepted.State.Status.ShouldBe(DossierStatus.SupplementRequested);
    }

    [Fact]
    public void Once_every_required_component_is_attached_the_desk_accepts()
    {
        var run = SubmittedWithout("birth-certificate-medical");
        run.Attach("birth-certificate-medical", Actors.Desk); // the desk scans the paper the applicant brought

        var accepted = run.Complete("receive", "accept", Actors.Desk);

        accepted.State.Status.ShouldBe(DossierStatus.InProcess);
        accepted.State.Attachments.Select(a => a.Component).ShouldBe(["birth-registration-form", "birth-certificate-medical"]);
        accepted.State.Attachments[1].AttachedBy.ShouldBe(Actors.Desk.User);
    }

    [Fact]
    public void An_attachment_is_recorded_in_history_with_who_and_when()
    {
        var run = SubmittedWithout("birth-certificate-medical");

        var accepted = run.Attach("birth-certificate-medical", Actors.Citizen, id: "gcs-1");

        var attached = accepted.Events.Select(e => e.Event).OfType<DocumentAttached>().ShouldHaveSingleItem().Attachment;
        attached.Id.ShouldBe("gcs-1");
        attached.AttachedAt.ShouldBe(run.Now);
        attached.AttachedBy.ShouldBe(Actors.Citizen.User);
        accepted.Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Removing_a_required_component_makes_the_dossier_incomplete_again()
    {
        var run = SubmittedWithout();
        var removed = run.Do(new RemoveAttachment("scan-birth-certificate-medical", Actors.Desk));

        removed.Events.Select(e => e.Event).ShouldBe([new DocumentRemoved("scan-birth-certificate-medical", "birth-certificate-medical", "birth-certificate-medical.pdf")]);
        Rejection(run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.None, Actors.Desk))).Code.ShouldBe(DocumentRejections.DocumentsMissing);
        Rejection(run.Execute(new RemoveAttachment("scan-birth-certificate-medical", Actors.Desk))).Code.ShouldBe(DocumentRejections.AttachmentNotFound);
    }

    [Theory]
    [InlineData("death-certificate", "application/pdf", 1000L, DocumentRejections.UnknownComponent)]
    [InlineData("birth-certificate-medical", "image/tiff", 1000L, DocumentRejections.UnsupportedMediaType)]
    [InlineData("birth-certificate-medical", "application/x-msdownload", 1000L, DocumentRejections.UnsupportedMediaType)]
    [InlineData("birth-certificate-medical", "application/pdf", 10L * 1024 * 1024 + 1, DocumentRejections.FileTooLarge)]
    [InlineData("other", "application/pdf", 20L * 1024 * 1024 + 1, DocumentRejections.FileTooLarge)]
    [InlineData("birth-certificate-medical", "application/pdf", 0L, DocumentRejections.InvalidAttachment)]
    public void A_file_the_checklist_does_not_accept_is_refused_and_changes_nothing(string component, string mediaType, long size, string code)
    {
        var run = SubmittedWithout("birth-certificate-medical");
        var before = run.State;

        var rejection = Rejection(run.Execute(new AttachDocument(BirthRegistrationRun.Attachment(component, mediaType: mediaType, size: size), null, Actors.Citizen)));

        rejection.Code.ShouldBe(code);
        run.State.ShouldBeSameAs(before);
    }

    [Fact]
    public void Other_files_take_any_known_type()
    {
        var run = SubmittedWithout();

        run.Do(new AttachDocument(BirthRegistrationRun.Attachment("other", mediaType: MediaTypes.Tiff), null, Actors.Citizen));

        run.State!.Attachments.ShouldContain(a => a.Component == "other");
    }

    [Fact]
    public void An_attachment_id_is_used_once_per_dossier()
    {
        var run = SubmittedWithout();

        Rejection(run.Execute(new AttachDocument(BirthRegistrationRun.Attachment("birth-certificate-medical"), null, Actors.Citizen)))
            .Code.ShouldBe(DocumentRejections.AttachmentExists);
    }

    [Fact]
    public void Only_the_applicant_waited_on_or_an_official_with_an_open_task_may_attach()
    {
        var run = SubmittedWithout();
        var attachment = BirthRegistrationRun.Attachment("other", id: "extra");

        Rejection(run.Execute(new AttachDocument(attachment, null, Actors.DeskElsewhere))).Code.ShouldBe(RejectionCodes.NotAuthorized);
        Rejection(run.Execute(new AttachDocument(attachment, null, Actors.Specialist))).Code.ShouldBe(RejectionCodes.NotAuthorized);

        run.Complete("receive", "accept", Actors.Desk);
        Rejection(run.Execute(new AttachDocument(attachment, null, Actors.Citizen))).Message.ShouldContain("in-process");
        run.Do(new AttachDocument(attachment, run.TaskAt("appraise"), Actors.Specialist)); // an official's working file on their task
        run.State!.Attachments.Single(a => a.Id == "extra").StepInstance.ShouldBe(run.TaskAt("appraise"));
    }

    [Fact]
    public void A_closed_dossier_takes_no_attachments()
    {
        var run = SubmittedWithout();
        run.Complete("receive", "refuse", Actors.Desk);

        Rejection(run.Execute(new AttachDocument(BirthRegistrationRun.Attachment("other", id: "late"), null, Actors.Citizen)))
            .Code.ShouldBe(RejectionCodes.DossierCompleted);
    }
}
