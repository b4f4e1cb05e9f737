using System.Text;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Forms;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Forms;

public class TextInputTests
{
    // "Nguyễn" typed on a keyboard that sends the base letter and then the combining marks (NFD).
    private static readonly string DecomposedName = "Nguyễn Văn An".Normalize(NormalizationForm.FormD);

    [Fact]
    public void Decomposed_vietnamese_is_stored_composed()
    {
        DecomposedName.ShouldNotBe("Nguyễn Văn An");
        var run = new BirthRegistrationRun();

        run.Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ApplicationWith("childName", DecomposedName), Actors.Citizen));

        run.State!.Data["childName"].GetString().ShouldBe("Nguyễn Văn An");
        run.State.Data["childName"].GetString()!.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Theory]
    [InlineData("An\u202Enc", "override")]
    [InlineData("An\u2066x\u2069", "isolate")]
    [InlineData("A\u200Bn", "zero-width")]
    [InlineData("A\uFEFFn", "zero-width")]
    [InlineData("A\0n", "NUL")]
    [InlineData("A\u0007n", "control character")]
    [InlineData("A\u0085n", "control character")]
    public void A_name_hiding_or_reordering_what_it_says_is_refused_naming_the_field(string childName, string what)
    {
        var run = new BirthRegistrationRun();

        var decision = run.Execute(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ApplicationWith("childName", childName), Actors.Citizen));

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        rejection.Message.ShouldContain("childName");
        rejection.Message.ShouldContain(what);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_not_text()
    {
        TextInput.Normalize("A\uD800n").ShouldBe("A\uD800n");
        TextInput.Problem("A\uD800n", "The name")!.ShouldContain("not valid Unicode");
        TextInput.Problem("A😀n", "The name").ShouldBeNull();
    }

    [Fact]
    public void Line_breaks_and_tabs_are_kept_in_text()
    {
        TextInput.Problem("Dòng 1\nDòng 2\tcột", "The note").ShouldBeNull();
        TextInput.Problem("Dòng 1\nDòng 2", "The name", multiLine: false).ShouldNotBeNull();
    }

    [Fact]
    public void Length_is_counted_in_letters_as_people_see_them()
    {
        var emoji = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 60));

        TextInput.Length(emoji).ShouldBe(60);
        TextInput.Length(DecomposedName).ShouldBe("Nguyễn Văn An".Length);
    }

    [Fact]
    public void Sixty_emoji_fit_a_field_of_a_hundred_characters()
    {
        var form = new FormSchema([new FormField("nickname", "Tên gọi", FieldType.Text) { MaxLength = 100 }]);

        FormDataValidator.Validate(form, Json.Data(new { nickname = string.Concat(Enumerable.Repeat("😀", 60)) }), _ => null, []).ShouldBeEmpty();
        FormDataValidator.Validate(form, Json.Data(new { nickname = new string('a', 101) }), _ => null, []).ShouldHaveSingleItem().ShouldContain("longer than 100");
    }

    [Fact]
    public void A_comment_is_stored_composed_and_a_comment_with_an_override_is_refused()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var added = run.Do(new AddComment(null, "Đã " + "kiểm tra".Normalize(NormalizationForm.FormD), Actors.Desk));
        var refused = run.Execute(new AddComment(null, "ok\u202E", Actors.Desk));

        added.Events.Select(e => e.Event).OfType<Workflows.Engine.Execution.Events.CommentAdded>().ShouldHaveSingleItem().Text.ShouldBe("Đã kiểm tra");
        refused.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("The comment");
    }

    [Fact]
    public void A_file_name_that_reads_backwards_is_refused_and_a_decomposed_one_is_stored_composed()
    {
        var run = new BirthRegistrationRun();
        run.Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ValidApplication, Actors.Citizen));

        var misleading = run.Execute(new AttachDocument(BirthRegistrationRun.Attachment("other") with { FileName = "scan\u202Efdp.exe" }, null, Actors.Citizen));
        run.Do(new AttachDocument(BirthRegistrationRun.Attachment("other") with { FileName = "giấy chứng sinh.pdf".Normalize(NormalizationForm.FormD) }, null, Actors.Citizen));

        misleading.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("override");
        run.State!.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("giấy chứng sinh.pdf");
    }
}
