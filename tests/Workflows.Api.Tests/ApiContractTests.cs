using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflows.Api.Tests;

/// <summary>
/// The HTTP API's behaviour, written once and run on every database (SQLite and PostgreSQL subclasses).
/// Each test class instance gets a fresh database with the demo directory and sample procedures seeded.
/// </summary>
public abstract class ApiContractTests(ApiTestDatabase database) : ApiHostTests(database)
{
    protected static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:" + code, body);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    protected async Task<JsonElement> SubmitAsync(object? body = null, string user = "citizen-an")
    {
        var response = await As(user).PostAsJsonAsync("/api/dossiers", body ?? BirthRegistration());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var submitted = await Json(response);
        return submitted.GetProperty("status").GetString() == "new"
            ? await AttachRequiredAsync(submitted.GetProperty("id").GetString()!, user)
            : submitted;
    }

    protected async Task<JsonElement> CompleteAsync(JsonElement dossier, string step, string outcome, string user, object? data = null)
    {
        var response = await As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, step)}/complete", new { outcome, data });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    /// <summary>Approve or issue with the server-held key of the caller (personal) or of their unit (e-seal).</summary>
    protected async Task<JsonElement> SignAsync(JsonElement dossier, string step, string outcome, string user)
    {
        var response = await As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, step)}/sign", new { outcome });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        (await As(null).GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await As(null).GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sample_procedures_are_published_on_start()
    {
        var procedures = await Json(await As(null).GetAsync("/api/procedures"));

        var birth = procedures.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "birth-registration");
        birth.GetProperty("latestPublishedVersion").GetInt32().ShouldBe(1);
        birth.GetProperty("name").GetString().ShouldBe("Đăng ký khai sinh");
    }

    [Fact]
    public async Task A_dossier_is_walked_through_the_five_steps_to_returned()
    {
        var dossier = await SubmitAsync();
        dossier.GetProperty("status").GetString().ShouldBe("new");

        var inbox = await Json(await As("desk-lan").GetAsync("/api/tasks"));
        inbox.EnumerateArray().ShouldContain(t => t.GetProperty("dossier").GetString() == dossier.GetProperty("id").GetString());

        dossier = await CompleteAsync(dossier, "receive", "accept", "desk-lan");
        dossier.GetProperty("status").GetString().ShouldBe("in-process");
        dossier.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)));
        dossier = await CompleteAsync(dossier, "appraise", "recommend", "civil-hoa", new { appraisalNote = "Hợp lệ" });
        dossier = await SignAsync(dossier, "approve", "approve", "chair-tuan");
        dossier = await SignAsync(dossier, "issue", "issued", "clerk-mai");
        dossier.GetProperty("status").GetString().ShouldBe("result-ready");
        dossier.GetProperty("data").GetProperty("registerNumber").GetString().ShouldBe("1/2026/KS");
        dossier = await CompleteAsync(dossier, "return", "returned", "desk-lan", new { receivedBy = "Trần Thị Bình" });

        dossier.GetProperty("status").GetString().ShouldBe("returned");
        var full = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{dossier.GetProperty("id").GetString()}"));
        var types = full.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event").GetProperty("type").GetString()).ToList();
        types.First().ShouldBe("dossier-submitted");
        types.Last().ShouldBe("dossier-completed");
        full.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe(Enumerable.Range(1, types.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task Completing_without_saying_who_you_are_is_unauthorized()
    {
        var dossier = await SubmitAsync();

        var response = await As(null).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "accept" });

        await ShouldBeProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        (await ShouldBeProblem(await As("nobody").GetAsync("/api/tasks"), HttpStatusCode.Unauthorized, "unauthenticated"))
            .GetProperty("detail").GetString()!.ShouldContain("nobody");
    }

    [Fact]
    public async Task An_official_without_the_role_is_forbidden_and_nothing_changes()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString();

        var response = await As("clerk-mai").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "accept" });

        await ShouldBeProblem(response, HttpStatusCode.Forbidden, "not-authorized");
        var after = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"));
        after.GetProperty("dossier").GetProperty("revision").GetInt64().ShouldBe(dossier.GetProperty("revision").GetInt64());
        after.GetProperty("history").GetArrayLength().ShouldBe(4); // submitted, receive started, two components attached
    }

    [Fact]
    public async Task Completing_a_task_that_is_not_open_is_a_conflict()
    {
        var dossier = await SubmitAsync();
        var receive = TaskAt(dossier, "receive");
        await CompleteAsync(dossier, "receive", "accept", "desk-lan");

        var again = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/complete", new { outcome = "accept" });

        await ShouldBeProblem(again, HttpStatusCode.Conflict, "task-not-open");
    }

    [Fact]
    public async Task An_outcome_the_step_does_not_offer_is_unprocessable()
    {
        var dossier = await SubmitAsync();

        var response = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "maybe" });

        (await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "unknown-outcome")).GetProperty("detail").GetString()!.ShouldContain("accept, refuse");
    }

    [Fact]
    public async Task Submitting_data_that_fails_the_form_is_unprocessable()
    {
        var response = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new { procedure = "birth-registration", unit = "xa-tan-an", data = new { childName = "An" } });

        (await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "invalid-data")).GetProperty("detail").GetString()!.ShouldContain("childBirthDate");
    }

    [Fact]
    public async Task Submitting_to_an_unknown_unit_or_procedure_is_unprocessable()
    {
        await ShouldBeProblem(await As("citizen-an").PostAsJsonAsync("/api/dossiers", new { procedure = "birth-registration", unit = "xa-khong-co", data = new { } }), HttpStatusCode.UnprocessableEntity, "unknown-unit");
        await ShouldBeProblem(await As("citizen-an").PostAsJsonAsync("/api/dossiers", new { procedure = "no-such-procedure", unit = "xa-tan-an", data = new { } }), HttpStatusCode.UnprocessableEntity, "procedure-not-published");
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_returns_the_first_dossier()
    {
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(BirthRegistration()) };
        first.Headers.Add("Idempotency-Key", "retry-1");
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(BirthRegistration()) };
        second.Headers.Add("Idempotency-Key", "retry-1");
        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(BirthRegistration("Lê Văn Khác")) };
        different.Headers.Add("Idempotency-Key", "retry-1");
        var client = As("citizen-an");

        var created = await client.SendAsync(first);
        var replayed = await client.SendAsync(second);
        var reused = await client.SendAsync(different);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(replayed)).GetProperty("id").GetString().ShouldBe((await Json(created)).GetProperty("id").GetString());
        await ShouldBeProblem(reused, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await Json(await As("desk-lan").GetAsync("/api/tasks"))).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_json_gets_a_problem_that_says_so()
    {
        var response = await As("citizen-an").PostAsync("/api/dossiers", new StringContent("{ \"procedure\": ", Encoding.UTF8, "application/json"));

        await ShouldBeProblem(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task An_oversize_payload_is_refused()
    {
        var huge = "{\"id\":\"x\",\"name\":\"" + new string('a', 300_000) + "\"}";

        var response = await As("analyst-thu").PostAsync("/api/procedures", new StringContent(huge, Encoding.UTF8, "application/json"));

        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_every_located_problem()
    {
        const string Broken = """
            { "id": "broken", "name": "Broken", "roles": [ { "id": "officer", "name": "Officer" } ],
              "steps": [ { "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "ghost", "outcomes": ["ok"] }, { "id": "e", "kind": "end" }, { "id": "lost", "kind": "teleport" } ],
              "transitions": [ { "from": "s", "to": "a" } ] }
            """;

        var response = await As("analyst-thu").PostAsync("/api/procedures", new StringContent(Broken, Encoding.UTF8, "application/json"));

        var problem = await ShouldBeProblem(response, HttpStatusCode.UnprocessableEntity, "invalid-definition");
        problem.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("location").GetString() == "$.steps[3].kind");
        (await Json(await As(null).GetAsync("/api/procedures"))).EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetString() == "broken");
    }

    [Fact]
    public async Task A_draft_with_errors_is_saved_but_cannot_be_published()
    {
        const string Draft = """
            { "id": "work-in-progress", "name": "Đang soạn", "roles": [ { "id": "officer", "name": "Officer" } ],
              "steps": [ { "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "officer", "outcomes": ["ok", "no"] }, { "id": "e", "kind": "end" } ],
              "transitions": [ { "from": "s", "to": "a" }, { "from": "a", "to": "e", "outcome": "ok" } ] }
            """;
        var analyst = As("analyst-thu");

        var saved = await analyst.PostAsync("/api/procedures", new StringContent(Draft, Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draft = await Json(saved);
        draft.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == "outcome-without-transition");

        var publish = await analyst.PostAsJsonAsync("/api/procedures/work-in-progress/versions/1/publish", new { changeNote = "first" });

        await ShouldBeProblem(publish, HttpStatusCode.UnprocessableEntity, "invalid-definition");
    }

    [Fact]
    public async Task Publishing_a_new_version_leaves_running_dossiers_on_theirs()
    {
        var running = await SubmitAsync();
        var analyst = As("analyst-thu");
        var v1 = await Json(await As(null).GetAsync("/api/procedures/birth-registration/versions/1"));
        var changed = v1.GetProperty("definition").GetRawText().Replace("\"Tiếp nhận và số hóa hồ sơ\"", "\"Tiếp nhận hồ sơ\"", StringComparison.Ordinal);

        var saved = await analyst.PostAsync("/api/procedures", new StringContent(changed, Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Json(saved)).GetProperty("version").GetProperty("version").GetInt32().ShouldBe(2);
        (await analyst.PostAsJsonAsync("/api/procedures/birth-registration/versions/2/publish", new { changeNote = "Đổi tên bước" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblem(await analyst.PostAsJsonAsync("/api/procedures/birth-registration/versions/2/publish", new { }), HttpStatusCode.Conflict, "not-a-draft");

        var fresh = await SubmitAsync();
        fresh.GetProperty("version").GetInt32().ShouldBe(2);
        var old = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{running.GetProperty("id").GetString()}"));
        old.GetProperty("dossier").GetProperty("version").GetInt32().ShouldBe(1);
        old.GetProperty("dossier").GetProperty("activeSteps")[0].GetProperty("name").GetString().ShouldBe("Tiếp nhận và số hóa hồ sơ");
        (await CompleteAsync(running, "receive", "accept", "desk-lan")).GetProperty("status").GetString().ShouldBe("in-process");
    }

    [Fact]
    public async Task Saving_a_draft_over_someone_else_s_save_is_a_conflict()
    {
        const string Draft = """{ "id": "shared-draft", "name": "Shared", "steps": [ { "id": "s", "kind": "start" }, { "id": "e", "kind": "end" } ], "transitions": [ { "from": "s", "to": "e" } ] }""";
        var analyst = As("analyst-thu");
        var created = await Json(await analyst.PostAsync("/api/procedures", new StringContent(Draft, Encoding.UTF8, "application/json")));
        var revision = created.GetProperty("version").GetProperty("revision").GetInt64();

        using var first = new HttpRequestMessage(HttpMethod.Put, "/api/procedures/shared-draft/draft") { Content = new StringContent(Draft, Encoding.UTF8, "application/json") };
        first.Headers.TryAddWithoutValidation("If-Match", $"\"{revision}\"");
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/procedures/shared-draft/draft") { Content = new StringContent(Draft, Encoding.UTF8, "application/json") };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{revision}\"");

        (await analyst.SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblem(await analyst.SendAsync(stale), HttpStatusCode.Conflict, "draft-conflict");
    }

    [Fact]
    public async Task The_validate_endpoint_reports_problems_without_storing_anything()
    {
        const string Definition = """{ "id": "check-only", "name": "Check", "steps": [ { "id": "s", "kind": "start" } ], "transitions": [] }""";

        var result = await Json(await As(null).PostAsync("/api/procedures/validate", new StringContent(Definition, Encoding.UTF8, "application/json")));

        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        result.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == "no-end");
        (await As(null).GetAsync("/api/procedures/check-only/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_task_claimed_by_one_official_cannot_be_claimed_by_a_colleague()
    {
        var dossier = await SubmitAsync();
        var task = TaskAt(dossier, "receive");

        (await As("desk-lan").PostAsync($"/api/tasks/{task}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeProblem(await As("desk-minh").PostAsync($"/api/tasks/{task}/claim", null), HttpStatusCode.Conflict, "already-claimed");
        var mine = await Json(await As("desk-lan").GetAsync("/api/tasks?mine=true"));
        mine.EnumerateArray().Single().GetProperty("assignee").GetString().ShouldBe("desk-lan");
    }

    [Fact]
    public async Task The_applicant_withdraws_and_the_open_task_leaves_the_inbox()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString();

        await ShouldBeProblem(await As("desk-minh").PostAsJsonAsync($"/api/dossiers/{id}/withdraw", new { reason = "" }), HttpStatusCode.UnprocessableEntity, "invalid-data");
        var withdrawn = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{id}/withdraw", new { reason = "Không còn nhu cầu" });

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(withdrawn)).GetProperty("status").GetString().ShouldBe("withdrawn");
        (await Json(await As("desk-lan").GetAsync("/api/tasks"))).GetArrayLength().ShouldBe(0);
        (await Json(await As("desk-lan").GetAsync($"/api/tasks?dossier={id}&state=cancelled"))).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_chair_may_stop_a_dossier()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString();
        (await ShouldBeProblem(await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/stop", new { reason = "Sớm" }), HttpStatusCode.UnprocessableEntity, "illegal-status-change"))
            .GetProperty("detail").GetString()!.ShouldContain("refuse it at receipt");
        await CompleteAsync(dossier, "receive", "accept", "desk-lan");

        await ShouldBeProblem(await As("desk-lan").PostAsJsonAsync($"/api/dossiers/{id}/stop", new { reason = "Giả mạo" }), HttpStatusCode.Forbidden, "not-authorized");
        var stopped = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/stop", new { reason = "Giấy tờ giả mạo" });

        stopped.StatusCode.ShouldBe(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());
        (await Json(stopped)).GetProperty("status").GetString().ShouldBe("stopped");
    }

    [Fact]
    public async Task A_task_is_delegated_returned_and_commented()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString();
        var receive = TaskAt(dossier, "receive");

        (await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/delegate", new { to = "desk-minh", note = "Nhờ anh Minh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeProblem(await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/delegate", new { to = "ghost" }), HttpStatusCode.UnprocessableEntity, "unknown-user");
        dossier = await CompleteAsync(dossier, "receive", "accept", "desk-minh");
        dossier = await CompleteAsync(dossier, "appraise", "recommend", "civil-hoa", new { appraisalNote = "Đề nghị" });
        var back = await As("chair-tuan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/return", new { reason = "Xác minh lại" });
        (await Json(back)).GetProperty("activeSteps")[0].GetProperty("step").GetString().ShouldBe("appraise");
        (await As("civil-hoa").PostAsJsonAsync($"/api/dossiers/{id}/comments", new { text = "Đã xác minh" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}/history"));
        var types = history.EnumerateArray().Select(e => e.GetProperty("event").GetProperty("type").GetString()).ToList();
        types.ShouldContain("task-delegated");
        types.ShouldContain("task-returned");
        types.Last().ShouldBe("comment-added");
    }

    [Fact]
    public async Task Bulk_claim_reports_each_task()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync(BirthRegistration("Lê Thị Hai"));

        var results = await Json(await As("desk-lan").PostAsJsonAsync("/api/tasks/bulk/claim", new { taskIds = new[] { TaskAt(first, "receive"), TaskAt(second, "receive"), "nonsense" } }));

        results.EnumerateArray().Select(r => r.GetProperty("succeeded").GetBoolean()).ShouldBe([true, true, false]);
    }

    [Fact]
    public async Task Receipt_numbers_stay_gapless_when_the_desk_receives_many_dossiers_at_once()
    {
        const string Numbered = """
            { "id": "numbered-receipt", "name": "Tiếp nhận có số", "deadline": "3d",
              "roles": [ { "id": "desk-officer", "name": "Một cửa" } ],
              "form": { "fields": [ { "key": "receiptNumber", "type": "text" } ] },
              "steps": [
                { "id": "start", "kind": "start" },
                { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"],
                  "numbering": { "register": "receipts", "field": "receiptNumber", "format": "{seq:000}/{year}/TN" } },
                { "id": "work", "kind": "task", "role": "desk-officer", "status": "in-process", "outcomes": ["done"] },
                { "id": "end", "kind": "end", "status": "refused" }
              ],
              "transitions": [ { "from": "start", "to": "receive" }, { "from": "receive", "to": "work", "outcome": "accept" }, { "from": "work", "to": "end", "outcome": "done" } ] }
            """;
        var analyst = As("analyst-thu");
        (await analyst.PostAsync("/api/procedures", new StringContent(Numbered, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await analyst.PostAsJsonAsync("/api/procedures/numbered-receipt/versions/1/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var dossiers = new List<JsonElement>();
        for (var i = 0; i < 12; i++)
        {
            dossiers.Add(await SubmitAsync(new { procedure = "numbered-receipt", unit = "xa-tan-an", data = new { } }));
        }

        var received = await Task.WhenAll(dossiers.Select((d, i) => As(i % 2 == 0 ? "desk-lan" : "desk-minh")
            .PostAsJsonAsync($"/api/tasks/{TaskAt(d, "receive")}/complete", new { outcome = "accept" })));

        foreach (var response in received)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var numbers = await Task.WhenAll(received.Select(async r => (await Json(r)).GetProperty("data").GetProperty("receiptNumber").GetString()));
        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, 12).Select(n => $"{n:000}/2026/TN"));
    }

    [Fact]
    public async Task Running_dossiers_move_to_a_new_version_only_with_a_valid_step_mapping()
    {
        var running = await SubmitAsync();
        var id = running.GetProperty("id").GetString();
        var analyst = As("analyst-thu");
        var v1 = await Json(await As(null).GetAsync("/api/procedures/birth-registration/versions/1"));
        var renamed = v1.GetProperty("definition").GetRawText()
            .Replace("\"receive\"", "\"tiep-nhan\"", StringComparison.Ordinal)
            .Replace("Tiếp nhận và số hóa hồ sơ", "Tiếp nhận hồ sơ (bản mới)", StringComparison.Ordinal);
        (await analyst.PostAsync("/api/procedures", new StringContent(renamed, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await analyst.PostAsJsonAsync("/api/procedures/birth-registration/versions/2/publish", new { changeNote = "Đổi mã bước" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(await As(null).GetAsync("/api/procedures/birth-registration/versions/1/running"))).GetProperty("running").GetInt32().ShouldBe(1);

        var unmapped = await Json(await analyst.PostAsJsonAsync("/api/procedures/birth-registration/versions/2/migrations", new { fromVersion = 1 }));
        unmapped.GetProperty("refused").GetInt32().ShouldBe(1);
        unmapped.GetProperty("dossiers")[0].GetProperty("problem").GetString()!.ShouldContain("'receive' has no counterpart");

        var mapped = await Json(await analyst.PostAsJsonAsync("/api/procedures/birth-registration/versions/2/migrations", new { fromVersion = 1, mapping = new Dictionary<string, string> { ["receive"] = "tiep-nhan" } }));
        mapped.GetProperty("migrated").GetInt32().ShouldBe(1);

        var inbox = await Json(await As("desk-lan").GetAsync("/api/tasks"));
        var task = inbox.EnumerateArray().Single();
        task.GetProperty("name").GetString().ShouldBe("Tiếp nhận hồ sơ (bản mới)");
        task.GetProperty("version").GetInt32().ShouldBe(2);
        var after = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"));
        after.GetProperty("dossier").GetProperty("version").GetInt32().ShouldBe(2);
        after.GetProperty("history").EnumerateArray().Last().GetProperty("event").GetProperty("type").GetString().ShouldBe("dossier-migrated");
        (await CompleteAsync(after.GetProperty("dossier"), "tiep-nhan", "accept", "desk-lan")).GetProperty("status").GetString().ShouldBe("in-process");
        (await Json(await As(null).GetAsync("/api/procedures/birth-registration/versions/1/running"))).GetProperty("running").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_control_sheet_and_the_tracking_book_record_every_dossier()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString();
        await CompleteAsync(dossier, "receive", "accept", "desk-lan");

        var sheet = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}/control-sheet"));
        var book = await Json(await As("desk-lan").GetAsync("/api/units/xa-tan-an/tracking-book?from=2026-03-01&to=2026-03-31"));

        sheet.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ShouldBe(["receive", "appraise"]);
        sheet.GetProperty("steps")[0].GetProperty("handedOverBy").GetString().ShouldBe("desk-lan");
        sheet.GetProperty("steps")[0].GetProperty("timing").GetString().ShouldBe("on-time");
        book.EnumerateArray().ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("in-process");
        (await Json(await As("desk-lan").GetAsync("/api/units/xa-tan-an/tracking-book?from=2026-04-01&to=2026-04-30"))).GetArrayLength().ShouldBe(0);
        await ShouldBeProblem(await As("desk-lan").GetAsync("/api/units/xa-tan-an/tracking-book?from=2026-04-30&to=2026-04-01"), HttpStatusCode.BadRequest, "invalid-period");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await Json(await As(null).GetAsync("/openapi/v1.json"));

        document.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/dossiers", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/tasks/{taskId}/complete", out _).ShouldBeTrue();
        (await As(null).GetAsync("/api-docs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
