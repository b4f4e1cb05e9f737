using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Tests;

/// <summary>Step 2 as officials expect it over HTTP, on every database: tasks that open assigned (pick, round-robin) and consultations that time out.</summary>
public abstract class AppraisalApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private static readonly object HouseholdData = new
    {
        businessName = "Hộ kinh doanh Phở Hà Nội Tân An",
        ownerName = "Nguyễn Văn An",
        ownerId = "001095004567",
        ownerBirthDate = "1995-08-20",
        ownerResidence = "Thôn Đông, xã Tân An, tỉnh Demo",
        businessAddress = "Số 45 đường Trần Phú, thôn Đông, xã Tân An, tỉnh Demo",
        businessLines = "Nhà hàng và các dịch vụ ăn uống phục vụ lưu động (5610)",
        capital = 150000000,
        employees = 4,
        phone = "0912345678",
    };

    private static readonly object ConstructionData = new
    {
        ownerName = "Nguyễn Văn An",
        ownerId = "001095004567",
        ownerAddress = "Thôn Đông, xã Tân An, tỉnh Demo",
        constructionAddress = "Thôn Đông, xã Tân An, tỉnh Demo",
        landParcel = "Thửa đất số 125, tờ bản đồ số 12",
        landCertificateNumber = "DA 123456",
        landArea = 120,
        buildingFootprint = 84,
        grossFloorArea = 252,
        floors = 3,
        buildingHeight = 11.5,
        designer = "Công ty TNHH Tư vấn thiết kế xây dựng Tân An",
    };

    private async Task<JsonElement> ReceivedAsync(string procedure, object data)
    {
        var submitted = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new { procedure, unit = "xa-tan-an", data });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var complete = await AttachRequiredAsync((await Json(submitted)).GetProperty("id").GetString()!, "citizen-an");
        return await CompleteAsync(complete, "receive", "accept", "desk-lan");
    }

    /// <summary>Approve and issue sign the result for real with the server-held keys (no signature, no result).</summary>
    private async Task<JsonElement> SignAsync(JsonElement dossier, string step, string outcome, string user)
    {
        var response = await As(user).PostAsJsonAsync($"/api/tasks/{Task(dossier, step).GetProperty("taskId").GetString()}/sign", new { outcome });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var signed = await Json(response);
        return signed.TryGetProperty("dossier", out var inner) ? inner : signed;
    }

    private async Task<JsonElement> CompleteAsync(JsonElement dossier, string step, string outcome, string user, object? data = null)
    {
        var response = await As(user).PostAsJsonAsync($"/api/tasks/{Task(dossier, step).GetProperty("taskId").GetString()}/complete", new { outcome, data });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    private static JsonElement Task(JsonElement dossier, string step) =>
        dossier.GetProperty("activeSteps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step);

    private static string? AssigneeAt(JsonElement dossier, string step) => Task(dossier, step).GetProperty("assignee").GetString();

    [Fact]
    public async Task Household_business_appraisals_go_round_robin_among_the_commune_s_specialists()
    {
        // The demo commune has two specialists: civil-hoa and econ-duc (user-id order).
        var first = await ReceivedAsync("household-business-registration", HouseholdData);
        var second = await ReceivedAsync("household-business-registration", HouseholdData);
        var third = await ReceivedAsync("household-business-registration", HouseholdData);

        AssigneeAt(first, "appraise").ShouldBe("civil-hoa");
        AssigneeAt(second, "appraise").ShouldBe("econ-duc");
        AssigneeAt(third, "appraise").ShouldBe("civil-hoa");
        var inbox = await Json(await As("econ-duc").GetAsync("/api/tasks?mine=true"));
        inbox.EnumerateArray().Select(t => t.GetProperty("step").GetString()).ShouldBe(["appraise"]);
        var history = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{second.GetProperty("id").GetString()}/history"));
        history.GetRawText().ShouldContain("round-robin");
    }

    [Fact]
    public async Task The_leader_picks_the_specialist_and_both_appraisal_tasks_open_assigned_to_them()
    {
        var dossier = await ReceivedAsync("construction-permit-house", ConstructionData);

        var assigned = await CompleteAsync(dossier, "assign", "assign", "vice-chair-hai", new { specialist = "econ-duc", assignmentNote = "Giao đồng chí Đức." });

        AssigneeAt(assigned, "review-documents").ShouldBe("econ-duc");
        AssigneeAt(assigned, "inspect-site").ShouldBe("econ-duc");
        var other = await As("civil-hoa").PostAsJsonAsync($"/api/tasks/{Task(assigned, "inspect-site").GetProperty("taskId").GetString()}/complete", new { outcome = "inspected", data = new { siteInspectionReport = "x" } });
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pick_outside_the_role_is_refused_with_the_people_who_could_and_changes_nothing()
    {
        var dossier = await ReceivedAsync("construction-permit-house", ConstructionData);
        var task = Task(dossier, "assign").GetProperty("taskId").GetString();

        var response = await As("vice-chair-hai").PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "assign", data = new { specialist = "clerk-mai" } });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:invalid-data");
        problem.GetProperty("detail").GetString()!.ShouldContain("civil-hoa, econ-duc");
        var reloaded = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{dossier.GetProperty("id").GetString()}"));
        reloaded.GetProperty("dossier").GetProperty("revision").GetInt64().ShouldBe(dossier.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task An_unanswered_commune_verification_closes_itself_when_its_time_passes_and_the_land_office_continues()
    {
        var dossier = await ReceivedAsync("land-use-certificate-first", new
        {
            applicantName = "Nguyễn Văn An",
            applicantId = "001095004567",
            applicantAddress = "Thôn Đông, xã Tân An, tỉnh Demo",
            parcelAddress = "Thôn Đông, xã Tân An, tỉnh Demo",
            mapSheet = "12",
            parcelNumber = "125",
            area = 180.5,
            landUse = "đất ở tại nông thôn",
            landOrigin = "Nhận chuyển nhượng năm 2005; sử dụng ổn định, không tranh chấp.",
            usedSince = "2005-03-10",
            hasHouse = true,
        });
        var id = dossier.GetProperty("id").GetString();
        var dispatcher = Factory.Services.GetRequiredService<TimerDispatcher>();
        var ct = TestContext.Current.CancellationToken;

        // Received Monday 2 March 08:00; five working days run out Monday 9 March 08:00.
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(7)));
        await dispatcher.DeliverDueAsync(ct);
        (await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"))).GetProperty("dossier").GetProperty("activeSteps")
            .EnumerateArray().Select(s => s.GetProperty("step").GetString()).ShouldBe(["verify-origin"]);

        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7)));
        await dispatcher.DeliverDueAsync(ct);

        var after = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"));
        after.GetProperty("dossier").GetProperty("activeSteps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ShouldBe(["appraise"]);
        after.GetProperty("history").GetRawText().ShouldContain("task-timed-out");
        var closed = await Json(await As("land-hung").GetAsync("/api/tasks?state=completed"));
        closed.GetRawText().ShouldContain("no-answer");
    }

    [Fact]
    public async Task The_applicant_rates_a_returned_dossier_once_and_the_rating_reads_back_shaped_for_indicators()
    {
        var dossier = await ReceivedAsync("household-business-registration", HouseholdData);
        var id = dossier.GetProperty("id").GetString();
        dossier = await CompleteAsync(dossier, "appraise", "recommend", "civil-hoa", new { appraisalNote = "Hợp lệ" });
        dossier = await SignAsync(dossier, "approve", "approve", "chair-tuan");
        dossier = await SignAsync(dossier, "issue", "issued", "clerk-mai");
        dossier = await CompleteAsync(dossier, "return", "returned", "desk-lan", new { receivedBy = "Nguyễn Văn An" });
        dossier.GetProperty("status").GetString().ShouldBe("returned");
        int[] scores = [2, 2, 1, 2, 2, 2, 1, 2, 2];

        var badScores = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{id}/rating", new { scores = new[] { 2, 3 } });
        badScores.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await badScores.Content.ReadAsStringAsync());
        var stranger = await As("citizen-binh").PostAsJsonAsync($"/api/dossiers/{id}/rating", new { scores });
        stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await stranger.Content.ReadAsStringAsync());
        var rated = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{id}/rating", new { scores });
        rated.StatusCode.ShouldBe(HttpStatusCode.OK, await rated.Content.ReadAsStringAsync());
        var again = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{id}/rating", new { scores });

        var body = await again.Content.ReadAsStringAsync();
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("urn:workflows:problem:already-rated");
        var rating = (await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}/ratings"))).EnumerateArray().ShouldHaveSingleItem();
        rating.GetProperty("unit").GetString().ShouldBe("xa-tan-an");
        rating.GetProperty("procedure").GetString().ShouldBe("household-business-registration");
        rating.GetProperty("scores").EnumerateArray().Select(s => s.GetInt32()).ShouldBe(scores);
        rating.GetProperty("total").GetInt32().ShouldBe(16);
        rating.GetProperty("channel").GetString().ShouldBe("online");
    }

    [Fact]
    public async Task A_rating_after_the_window_is_refused()
    {
        var dossier = await ReceivedAsync("household-business-registration", HouseholdData);
        var id = dossier.GetProperty("id").GetString();
        dossier = await CompleteAsync(dossier, "appraise", "recommend", "civil-hoa", new { appraisalNote = "Hợp lệ" });
        dossier = await SignAsync(dossier, "approve", "approve", "chair-tuan");
        dossier = await SignAsync(dossier, "issue", "issued", "clerk-mai");
        await CompleteAsync(dossier, "return", "returned", "desk-lan", new { receivedBy = "Nguyễn Văn An" });

        Factory.Clock.Advance(TimeSpan.FromDays(31));
        var late = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{id}/rating", new { scores = new[] { 2, 2, 2, 2, 2, 2, 2, 2, 2 } });

        var body = await late.Content.ReadAsStringAsync();
        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        body.ShouldContain("urn:workflows:problem:not-rateable");
    }
}

public sealed class SqliteAppraisalApiTests() : AppraisalApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlAppraisalApiTests() : AppraisalApiTests(new PostgreSqlApiDatabase());
