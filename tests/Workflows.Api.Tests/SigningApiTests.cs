using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;
using Workflows.Engine.Signing.Certificates;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

/// <summary>
/// Approve and issue with real PAdES signatures through the HTTP API, on every database: the result PDF ends up
/// with the leader's signature and the unit's e-seal, verifiable by number; every refusal leaves the dossier as it was.
/// </summary>
public abstract class SigningApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:" + code, body);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    private async Task<JsonElement> AtApprovalAsync()
    {
        var created = await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dossier = await AttachRequiredAsync((await Json(created)).GetProperty("id").GetString()!, "citizen-an");
        dossier = await Ok(await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "accept" }));
        return await Ok(await As("civil-hoa").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "appraise")}/complete", new { outcome = "recommend", data = new { appraisalNote = "Hợp lệ" } }));
    }

    private static DossierId Id(JsonElement dossier) => new(Guid.Parse(dossier.GetProperty("id").GetString()!));

    private Task<HttpResponseMessage> SignAsync(JsonElement dossier, string step, string outcome, string user) =>
        As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, step)}/sign", new { outcome });

    private async Task<JsonElement> FetchAsync(JsonElement dossier) =>
        await Json(await As("desk-lan").GetAsync($"/api/dossiers/{dossier.GetProperty("id").GetString()}"));

    private async Task ShouldBeUnchangedAsync(JsonElement before, int storedRevisions)
    {
        var after = await FetchAsync(before);
        after.GetProperty("dossier").GetProperty("revision").GetInt64().ShouldBe(before.GetProperty("revision").GetInt64());
        var documents = Factory.Services.GetRequiredService<IResultDocumentStore>();
        var latest = await documents.LatestAsync(Id(before), TestContext.Current.CancellationToken);
        (latest?.Revision ?? 0).ShouldBe(storedRevisions);
    }

    private async Task<VerificationView> VerifyAsync(byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var report = await Ok(await As("desk-lan").PostAsync("/api/signatures/verify", content));
        return new VerificationView(report);
    }

    [Fact]
    public async Task A_key_is_decrypted_once_and_reloaded_when_its_file_is_replaced()
    {
        var vault = Factory.Services.GetRequiredService<ProtectedKeyVault>();
        var ct = TestContext.Current.CancellationToken;
        _ = await vault.FindAsync("user:chair-tuan", ct); // the dev CA issues the key on its first use
        var first = (await vault.FindAsync("user:chair-tuan", ct))!;
        (await vault.FindAsync("user:chair-tuan", ct)).ShouldBeSameAs(first);

        // Another host (or an operator) replaces the file under the same key id: the next use reads it again.
        var other = (await vault.FindAsync("user:civil-hoa", ct))!;
        File.Copy(Path.Combine(Factory.KeysDirectory, "user-civil-hoa.pfx.protected"), Path.Combine(Factory.KeysDirectory, "user-chair-tuan.pfx.protected"), overwrite: true);
        File.SetLastWriteTimeUtc(Path.Combine(Factory.KeysDirectory, "user-chair-tuan.pfx.protected"), DateTime.UtcNow.AddSeconds(1));
        var replaced = (await vault.FindAsync("user:chair-tuan", ct))!;
        replaced.Certificate.Thumbprint.ShouldBe(other.Certificate.Thumbprint);
        replaced.Certificate.Thumbprint.ShouldNotBe(first.Certificate.Thumbprint);

        // A key stored through the vault is used at once.
        await StoreForeignKeyAsync("user:chair-tuan", pki => pki.IssuePersonal(new UserId("chair-tuan"), "Phạm Văn Tuấn"));
        (await vault.FindAsync("user:chair-tuan", ct))!.Certificate.Thumbprint.ShouldNotBe(other.Certificate.Thumbprint);
    }

    [Fact]
    public async Task Approve_and_issue_sign_the_result_which_verifies_by_its_number()
    {
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        dossier = await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));

        dossier.GetProperty("status").GetString().ShouldBe("result-ready");
        var result = await Ok(await As("desk-lan").GetAsync("/api/results/1/2026/KS"));
        result.GetProperty("dossier").GetString().ShouldBe(dossier.GetProperty("id").GetString());
        var verification = new VerificationView(result.GetProperty("verification"));
        verification.Intact.ShouldBeTrue(result.ToString());
        verification.Signatures.ShouldBe([("personal", "chair-tuan", null), ("organization", null, "xa-tan-an")]);

        var pdf = await (await As("desk-lan").GetAsync("/api/results/1/2026/KS/pdf")).Content.ReadAsByteArrayAsync();
        (await VerifyAsync(pdf)).Intact.ShouldBeTrue();
        var history = (await FetchAsync(dossier)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event")).ToList();
        history.Where(e => e.GetProperty("type").GetString() == "result-signed").Select(e => e.GetProperty("signature").GetProperty("holder").GetString()).ShouldBe(["chair-tuan", "xa-tan-an"]);
    }

    [Fact]
    public async Task Clerks_of_one_unit_sealing_at_once_each_get_the_next_number_without_sealing_again()
    {
        var atIssue = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            atIssue.Add(await Ok(await SignAsync(await AtApprovalAsync(), "approve", "approve", "chair-tuan")));
        }

        // Four seals from the same register at the same moment: each prints and seals the number it will get.
        var answers = await Task.WhenAll(atIssue.Select(d => SignAsync(d, "issue", "issued", "clerk-mai")));
        foreach (var answer in answers)
        {
            (await Ok(answer)).GetProperty("status").GetString().ShouldBe("result-ready");
        }

        var numbers = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            var result = await Ok(await As("desk-lan").GetAsync($"/api/results/{n}/2026/KS"));
            new VerificationView(result.GetProperty("verification")).Intact.ShouldBeTrue(result.ToString());
            numbers.Add(result.GetProperty("dossier").GetString()!);
        }

        numbers.ShouldBe(atIssue.Select(d => d.GetProperty("id").GetString()!), ignoreOrder: true);
    }

    [Fact]
    public async Task The_signed_result_is_printed_from_the_procedure_s_template_with_its_own_labels()
    {
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));

        var pdf = await (await As("desk-lan").GetAsync("/api/results/1/2026/KS/pdf")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var text = System.Text.RegularExpressions.Regex.Replace(await PdfToTextAsync(pdf), @"\s+", " ");

        text.ShouldContain("GIẤY KHAI SINH", Case.Sensitive);
        text.ShouldContain("Căn cứ Luật Hộ tịch", Case.Sensitive);
        text.ShouldContain("Họ, chữ đệm, tên người mẹ:", Case.Sensitive);
        text.ShouldContain("Trần Thị Bình", Case.Sensitive);
        text.ShouldContain("20/02/2026", Case.Sensitive);
        text.ShouldNotContain("Ý kiến thẩm định", Case.Sensitive); // the appraisal note is the office's, not the citizen's
    }

    [Fact]
    public async Task The_sealed_birth_certificate_reads_the_register_number_and_the_issue_date_the_clerk_sealed_it_with()
    {
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        var documents = Factory.Services.GetRequiredService<IResultDocumentStore>();
        var approved = (await documents.LatestAsync(Id(dossier), TestContext.Current.CancellationToken))!.Pdf;
        Factory.Clock.Advance(TimeSpan.FromDays(1)); // issued the next day: the date is the clerk's, not the leader's
        await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));

        var sealedPdf = await (await As("desk-lan").GetAsync("/api/results/1/2026/KS/pdf")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var text = System.Text.RegularExpressions.Regex.Replace(await PdfToTextAsync(sealedPdf), @"[ \t]+", " ");
        var draft = await PdfToTextAsync(approved);

        text.ShouldContain("Số: 1/2026/KS", Case.Sensitive);
        text.ShouldContain("ngày 03 tháng 03 năm 2026", Case.Sensitive);
        draft.ShouldNotContain("1/2026/KS", Case.Sensitive);
        draft.ShouldNotContain("tháng 03 năm 2026", Case.Sensitive);
        text.Split("Ký số bởi: ").Length.ShouldBe(3, text);
        text.ShouldContain("Thời gian ký: 03/03/2026", Case.Sensitive);
        text.ShouldContain("Lý do: Phát hành kết quả số 1/2026/KS", Case.Sensitive);
        var verification = await VerifyAsync(sealedPdf);
        verification.Intact.ShouldBeTrue();
        verification.Signatures.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_modified_byte_in_a_signed_result_is_detected()
    {
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));
        var pdf = await (await As("desk-lan").GetAsync("/api/results/1/2026/KS/pdf")).Content.ReadAsByteArrayAsync();

        var at = pdf.AsSpan().IndexOf("/Type"u8); // inside the leader's revision, covered by both signatures
        pdf[at + 1] ^= 0x01;

        var report = await VerifyAsync(pdf);
        report.Intact.ShouldBeFalse();
        report.Integrity.ShouldContain("modified");
    }

    [Fact]
    public async Task Someone_else_than_the_approving_leader_cannot_sign_the_approval()
    {
        var dossier = await AtApprovalAsync();

        await ShouldBeProblem(await SignAsync(dossier, "approve", "approve", "clerk-mai"), HttpStatusCode.Forbidden, "not-authorized");

        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task Approval_without_a_signature_is_refused()
    {
        var dossier = await AtApprovalAsync();

        var response = await As("chair-tuan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/complete", new { outcome = "approve" });

        (await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "signature-required")).GetProperty("detail").GetString()!.ShouldStartWith("No signature, no result");
        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task A_seal_on_a_result_changed_after_approval_is_refused_and_nothing_is_stored()
    {
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        var documents = Factory.Services.GetRequiredService<IResultDocumentStore>();
        var ct = TestContext.Current.CancellationToken;
        var approved = (await documents.LatestAsync(Id(dossier), ct))!;
        var edited = approved.Pdf.Concat("\n% edited after approval\n"u8.ToArray()).ToArray();
        (await documents.AddAsync(approved with { Revision = approved.Revision + 1, Pdf = edited, Sha256 = "edited" }, ct)).ShouldBeTrue();

        await ShouldBeProblem(await SignAsync(dossier, "issue", "issued", "clerk-mai"), HttpStatusCode.UnprocessableEntity, "result-changed-after-approval");

        await ShouldBeUnchangedAsync(dossier, storedRevisions: approved.Revision + 1);
        (await As("desk-lan").GetAsync("/api/results/1/2026/KS")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_certificate_from_an_untrusted_CA_is_refused()
    {
        var dossier = await AtApprovalAsync();
        await StoreForeignKeyAsync("user:chair-tuan", pki => pki.IssuePersonal(new UserId("chair-tuan"), "Lê Văn Tuấn"));

        var problem = await ShouldBeProblem(await SignAsync(dossier, "approve", "approve", "chair-tuan"), HttpStatusCode.UnprocessableEntity, "signature-not-valid");

        problem.GetProperty("detail").GetString()!.ShouldContain("untrusted");
        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused()
    {
        var dossier = await AtApprovalAsync();
        var past = WorkflowsApiFactory.Start.AddYears(-2);
        await StoreForeignKeyAsync("user:chair-tuan", pki => pki.IssuePersonal(new UserId("chair-tuan"), "Lê Văn Tuấn", options: new CertificateOptions { NotBefore = past, NotAfter = past.AddYears(1) }), past);

        await ShouldBeProblem(await SignAsync(dossier, "approve", "approve", "chair-tuan"), HttpStatusCode.UnprocessableEntity, "certificate-not-valid-now");

        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task An_outcome_that_signs_nothing_is_sent_to_complete()
    {
        var dossier = await AtApprovalAsync();

        await ShouldBeProblem(await SignAsync(dossier, "approve", "rework", "chair-tuan"), HttpStatusCode.UnprocessableEntity, "not-a-signing-outcome");
    }

    [Theory]
    [InlineData("hello, not a pdf", "not-a-pdf")]
    [InlineData("%PDF-1.7\n1 0 obj << >> endobj\n", "corrupt-pdf")]
    public async Task Verifying_what_is_not_a_whole_PDF_is_refused(string body, string code)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        await ShouldBeProblem(await As("desk-lan").PostAsync("/api/signatures/verify", content), HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task Verifying_a_huge_upload_is_refused()
    {
        var content = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        var response = await As("desk-lan").PostAsync("/api/signatures/verify", content);

        ((int)response.StatusCode).ShouldBe(413, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_huge_upload_streamed_without_a_length_is_refused_once_it_passes_the_limit()
    {
        var content = new StreamContent(new UnknownLengthStream(11 * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Headers.ContentLength.ShouldBeNull();

        var response = await As("desk-lan").PostAsync("/api/signatures/verify", content);

        ((int)response.StatusCode).ShouldBe(413, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_result_number_is_not_found()
    {
        await ShouldBeProblem(await As("desk-lan").GetAsync("/api/results/999/2026/KS"), HttpStatusCode.NotFound, "result-not-found");
    }

    [Fact]
    public async Task Pdfsig_finds_both_signatures_of_a_dossier_s_result_valid()
    {
        var pdfsig = OutsideTool.Require("pdfsig", "poppler-utils");
        var dossier = await AtApprovalAsync();
        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));
        var file = Path.Combine(Factory.KeysDirectory, "result.pdf");
        await File.WriteAllBytesAsync(file, await (await As("desk-lan").GetAsync("/api/results/1/2026/KS/pdf")).Content.ReadAsByteArrayAsync(), TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo(pdfsig) { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { file } };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        output.Split("Signature is Valid.").Length.ShouldBe(3, output);
    }

    /// <summary>The token's side: the leader's certificate and key, here taken from the host's dev CA.</summary>
    private async Task<Engine.Signing.Signers.ISigner> TokenOfAsync(string user) =>
        (await Factory.Services.GetRequiredService<ProtectedKeyVault>().FindAsync("user:" + user, TestContext.Current.CancellationToken))!;

    private async Task<JsonElement> PrepareAsync(JsonElement dossier, string user, Engine.Signing.Signers.ISigner token) =>
        await Ok(await As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/sign/prepare", new
        {
            outcome = "approve",
            certificate = Convert.ToBase64String(token.Certificate.RawData),
            chain = token.Chain.Select(c => Convert.ToBase64String(c.RawData)).ToList(),
        }));

    private Task<HttpResponseMessage> CompleteSigningAsync(JsonElement dossier, string user, string sessionId, byte[] signature) =>
        As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/sign/complete", new { sessionId, signature = Convert.ToBase64String(signature) });

    [Fact]
    public async Task A_token_signs_the_approval_in_two_phases_and_a_replay_is_refused()
    {
        var dossier = await AtApprovalAsync();
        var token = await TokenOfAsync("chair-tuan");
        var session = await PrepareAsync(dossier, "chair-tuan", token);
        var sessionId = session.GetProperty("sessionId").GetString()!;
        var signature = await token.SignAsync(Convert.FromBase64String(session.GetProperty("signedAttributes").GetString()!), TestContext.Current.CancellationToken);

        var approved = await Ok(await CompleteSigningAsync(dossier, "chair-tuan", sessionId, signature));

        approved.GetProperty("activeSteps").EnumerateArray().Single().GetProperty("step").GetString().ShouldBe("issue");
        await ShouldBeProblem(await CompleteSigningAsync(dossier, "chair-tuan", sessionId, signature), HttpStatusCode.UnprocessableEntity, "signing-session-not-found");
        await Ok(await SignAsync(approved, "issue", "issued", "clerk-mai"));
        new VerificationView((await Ok(await As("desk-lan").GetAsync("/api/results/1/2026/KS"))).GetProperty("verification")).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_signature_over_another_digest_is_refused_and_nothing_changes()
    {
        var dossier = await AtApprovalAsync();
        var token = await TokenOfAsync("chair-tuan");
        var session = await PrepareAsync(dossier, "chair-tuan", token);
        var other = await token.SignAsync("not the signed attributes"u8.ToArray(), TestContext.Current.CancellationToken);

        await ShouldBeProblem(await CompleteSigningAsync(dossier, "chair-tuan", session.GetProperty("sessionId").GetString()!, other), HttpStatusCode.UnprocessableEntity, "signature-mismatch");

        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task A_token_certificate_without_signing_key_usage_is_refused()
    {
        var dossier = await AtApprovalAsync();
        using var foreign = DevelopmentPki.Create(WorkflowsApiFactory.Start);
        using var certificate = foreign.IssuePersonal(new UserId("chair-tuan"), "Lê Văn Tuấn", options: new CertificateOptions { KeyUsage = X509KeyUsageFlags.KeyEncipherment });

        var response = await As("chair-tuan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/sign/prepare", new { outcome = "approve", certificate = Convert.ToBase64String(certificate.RawData) });

        await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "certificate-cannot-sign");
        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    [Fact]
    public async Task An_accepted_signature_stores_its_revisions_with_the_dossier_change()
    {
        var dossier = await AtApprovalAsync();
        var documents = Factory.Services.GetRequiredService<IResultDocumentStore>();
        var ct = TestContext.Current.CancellationToken;

        dossier = await Ok(await SignAsync(dossier, "approve", "approve", "chair-tuan"));
        var approved = (await documents.LatestAsync(Id(dossier), ct))!;
        dossier = await Ok(await SignAsync(dossier, "issue", "issued", "clerk-mai"));
        var sealedResult = (await documents.LatestAsync(Id(dossier), ct))!;

        (approved.Revision, approved.Kind, approved.CreatedBy.Value).ShouldBe((2, ResultDocumentKind.Approved, "chair-tuan"));
        (sealedResult.Revision, sealedResult.Kind, sealedResult.Number).ShouldBe((3, ResultDocumentKind.Sealed, "1/2026/KS"));
        sealedResult.Pdf.AsSpan(0, approved.Pdf.Length).SequenceEqual(approved.Pdf).ShouldBeTrue("the seal is appended to exactly the leader-signed revision");
    }

    [Fact]
    public async Task When_the_result_revision_cannot_be_written_the_signed_state_is_not_written_either()
    {
        var dossier = await AtApprovalAsync();
        var token = await TokenOfAsync("chair-tuan");
        var session = await PrepareAsync(dossier, "chair-tuan", token);
        var signature = await token.SignAsync(Convert.FromBase64String(session.GetProperty("signedAttributes").GetString()!), TestContext.Current.CancellationToken);
        var documents = Factory.Services.GetRequiredService<IResultDocumentStore>();
        var squatter = new StoredResultDocument(Id(dossier), 1, ResultDocumentKind.Draft, new UnitId("xa-tan-an"), null, Pdf("someone else's draft"), "squatter", new UserId("desk-lan"), WorkflowsApiFactory.Start);
        (await documents.AddAsync(squatter, TestContext.Current.CancellationToken)).ShouldBeTrue();

        await ShouldBeProblem(await CompleteSigningAsync(dossier, "chair-tuan", session.GetProperty("sessionId").GetString()!, signature), HttpStatusCode.Conflict, "concurrency-conflict");

        await ShouldBeUnchangedAsync(dossier, storedRevisions: 1);
        (await FetchAsync(dossier)).GetProperty("dossier").GetProperty("activeSteps").EnumerateArray().Single().GetProperty("step").GetString().ShouldBe("approve");
    }

    [Fact]
    public async Task A_session_prepared_on_one_host_completes_on_another_and_a_replay_there_is_refused()
    {
        var dossier = await AtApprovalAsync();
        var token = await TokenOfAsync("chair-tuan");
        var session = await PrepareAsync(dossier, "chair-tuan", token);
        var sessionId = session.GetProperty("sessionId").GetString()!;
        var signature = await token.SignAsync(Convert.FromBase64String(session.GetProperty("signedAttributes").GetString()!), TestContext.Current.CancellationToken);
        var task = TaskAt(dossier, "approve");

        // A second host of the same deployment (same database, same key volume), as after a restart or behind a load balancer.
        await using var other = new WorkflowsApiFactory(Factory.Provider, Factory.ConnectionString, Factory.KeysDirectory);
        var client = other.ClientFor("chair-tuan");
        var approved = await Ok(await client.PostAsJsonAsync($"/api/tasks/{task}/sign/complete", new { sessionId, signature = Convert.ToBase64String(signature) }));

        approved.GetProperty("activeSteps").EnumerateArray().Single().GetProperty("step").GetString().ShouldBe("issue");
        await ShouldBeProblem(await client.PostAsJsonAsync($"/api/tasks/{task}/sign/complete", new { sessionId, signature = Convert.ToBase64String(signature) }), HttpStatusCode.UnprocessableEntity, "signing-session-not-found");
        await ShouldBeProblem(await CompleteSigningAsync(dossier, "chair-tuan", sessionId, signature), HttpStatusCode.UnprocessableEntity, "signing-session-not-found");
        var latest = await Factory.Services.GetRequiredService<IResultDocumentStore>().LatestAsync(Id(dossier), TestContext.Current.CancellationToken);
        (latest!.Revision, latest.Kind).ShouldBe((2, ResultDocumentKind.Approved));
    }

    [Fact]
    public async Task A_session_completed_after_it_expired_is_refused_and_nothing_changes()
    {
        var dossier = await AtApprovalAsync();
        var token = await TokenOfAsync("chair-tuan");
        var session = await PrepareAsync(dossier, "chair-tuan", token);
        var signature = await token.SignAsync(Convert.FromBase64String(session.GetProperty("signedAttributes").GetString()!), TestContext.Current.CancellationToken);

        Factory.Clock.Advance(TimeSpan.FromMinutes(6));

        await ShouldBeProblem(await CompleteSigningAsync(dossier, "chair-tuan", session.GetProperty("sessionId").GetString()!, signature), HttpStatusCode.UnprocessableEntity, "signing-session-expired");
        await ShouldBeUnchangedAsync(dossier, storedRevisions: 0);
    }

    private static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        var pdftotext = OutsideTool.Require("pdftotext", "poppler-utils");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
            using var process = Process.Start(new ProcessStartInfo(pdftotext) { ArgumentList = { "-enc", "UTF-8", file, "-" }, RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0);
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Puts a key issued by a CA this host does not trust into the vault, as a misconfigured import would.</summary>
    private async Task StoreForeignKeyAsync(string keyId, Func<DevelopmentPki, X509Certificate2> issue, DateTimeOffset? createdAt = null)
    {
        using var foreign = DevelopmentPki.Create(createdAt ?? WorkflowsApiFactory.Start);
        using var certificate = issue(foreign);
        var pfx = new X509Certificate2Collection { certificate }.Export(X509ContentType.Pkcs12, "")!;
        await Factory.Services.GetRequiredService<ProtectedKeyVault>().StoreAsync(keyId, pfx, TestContext.Current.CancellationToken);
    }

    /// <summary>A body whose length nobody announces (chunked), so only counting what arrives can stop it.</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - position);
            Array.Fill(buffer, (byte)'%', offset, read);
            position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class VerificationView(JsonElement report)
    {
        public bool Intact => report.GetProperty("intact").GetBoolean();

        public List<string?> Integrity => [.. report.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("integrity").GetString())];

        public List<(string?, string?, string?)> Signatures => [.. report.GetProperty("signatures").EnumerateArray().Select(s => (
            s.GetProperty("kind").GetString(),
            s.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null,
            s.TryGetProperty("unit", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null))];
    }
}

public sealed class SqliteSigningApiTests() : SigningApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlSigningApiTests() : SigningApiTests(new PostgreSqlApiDatabase());
