using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Tests;

/// <summary>Calendars per unit and in-app notifications over HTTP, on every database.</summary>
public abstract class TimersApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private async Task<JsonElement> ReceivedBirthRegistrationAsync()
    {
        var submitted = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "birth-registration",
            unit = "xa-tan-an",
            data = new { childName = "Nguyễn Văn An", childBirthDate = "2026-02-20", childSex = "nam", birthPlace = "Trạm y tế xã Tân An", declarantId = "001234567890" },
        });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var dossier = await AttachRequiredAsync((await Json(submitted)).GetProperty("id").GetString()!, "citizen-an");
        var receive = dossier.GetProperty("activeSteps").EnumerateArray().Single().GetProperty("taskId").GetString();
        var received = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/complete", new { outcome = "accept" });
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        return await Json(received);
    }

    [Fact]
    public async Task A_unit_year_lists_its_inherited_holidays_and_office_hours()
    {
        var year = await Json(await As("desk-lan").GetAsync("/api/calendars/xa-tan-an/2026"));

        year.GetProperty("inheritsFrom").GetString().ShouldBe("tinh-demo");
        year.GetProperty("officeHours").EnumerateArray().Select(h => h.GetString()).ShouldBe(["07:30-11:30", "13:00-17:00"]);
        var national = year.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("date").GetString() == "2026-09-02");
        national.GetProperty("kind").GetString().ShouldBe("public-holiday");
        national.GetProperty("own").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_edit_with_problems_is_refused_with_located_problems_and_saves_nothing()
    {
        var before = await (await As("analyst-thu").GetAsync("/api/calendars/xa-tan-an/2026")).Content.ReadAsStringAsync();

        var response = await As("analyst-thu").PutAsJsonAsync("/api/calendars/xa-tan-an/2026", new
        {
            officeHours = new[] { "07:30-11:30", "11:00-17:00" },
            entries = new object[]
            {
                new { date = "2027-01-01", kind = "public-holiday", name = "Tết Dương lịch" },
                new { date = "2026-03-10", kind = "storm", name = "Bão" },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problems = (await Json(response)).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        problems.ShouldContain("entries[1].kind");
        (await (await As("analyst-thu").GetAsync("/api/calendars/xa-tan-an/2026")).Content.ReadAsStringAsync()).ShouldBe(before);

        var outside = await As("analyst-thu").PutAsJsonAsync("/api/calendars/xa-tan-an/2026", new
        {
            officeHours = new[] { "07:30-11:30", "11:00-17:00" },
            entries = new[] { new { date = "2027-01-01", kind = "public-holiday", name = "Tết Dương lịch" } },
        });
        outside.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(outside)).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ShouldBe(["entries[0]", "officeHours[1]"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unknown_units_and_callers_without_an_editor_role_are_refused()
    {
        (await As("analyst-thu").GetAsync("/api/calendars/xa-khong-co/2026")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await As("analyst-thu").PutAsJsonAsync("/api/calendars/xa-khong-co/2026", new { entries = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await As("desk-lan").PutAsJsonAsync("/api/calendars/xa-tan-an/2026", new { entries = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Closing_the_commune_today_moves_the_running_dossier_and_the_response_says_so()
    {
        var dossier = await ReceivedBirthRegistrationAsync();
        var id = dossier.GetProperty("id").GetString();
        dossier.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)));

        var year = await Json(await As("analyst-thu").GetAsync("/api/calendars/xa-tan-an/2026"));
        var entries = year.GetProperty("entries").EnumerateArray()
            .Select(e => (object)new { date = e.GetProperty("date").GetString(), kind = e.GetProperty("kind").GetString(), name = e.GetProperty("name").GetString() })
            .Append(new { date = "2026-03-02", kind = "closure", name = "Mất điện toàn xã" })
            .ToList();
        var response = await As("analyst-thu").PutAsJsonAsync("/api/calendars/xa-tan-an/2026", new { entries });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edit = await Json(response);
        var affected = edit.GetProperty("affected").EnumerateArray().ShouldHaveSingleItem();
        affected.GetProperty("dossier").GetString().ShouldBe(id);
        var appointment = affected.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("stepInstance").GetInt32() == 0);
        appointment.GetProperty("to").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.FromHours(7)));
        edit.GetProperty("calendar").GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("date").GetString() == "2026-03-02").GetProperty("own").GetBoolean().ShouldBeTrue();

        var reloaded = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"));
        reloaded.GetProperty("dossier").GetProperty("dueAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.FromHours(7)));
    }

    /// <summary>One desk task of a working day whose ladder raises its priority one working hour after it opens.</summary>
    private const string RaisedAfterAnHour = """
        { "id": "priority-demo", "name": "Thủ tục thử ưu tiên", "deadline": "2d",
          "roles": [ { "id": "desk-officer", "name": "Một cửa" } ],
          "escalation": [ { "after": "-7h", "action": "raise-priority" } ],
          "steps": [
            { "id": "submit", "kind": "start" },
            { "id": "handle", "kind": "task", "name": "Xử lý", "role": "desk-officer", "budget": "1d", "status": "new", "outcomes": ["done"] },
            { "id": "done", "kind": "end", "status": "refused" } ],
          "transitions": [ { "from": "submit", "to": "handle" }, { "from": "handle", "to": "done", "outcome": "done" } ] }
        """;

    [Fact]
    public async Task A_task_the_ladder_raised_heads_the_inbox_before_tasks_due_sooner()
    {
        var ct = TestContext.Current.CancellationToken;
        var analyst = As("analyst-thu");
        (await analyst.PostAsync("/api/procedures", new StringContent(RaisedAfterAnHour, System.Text.Encoding.UTF8, "application/json"), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var published = await analyst.PostAsJsonAsync("/api/procedures/priority-demo/versions/1/publish", new { changeNote = "thử" }, ct);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync(ct));
        var birth = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "birth-registration",
            unit = "xa-tan-an",
            data = new { childName = "Nguyễn Văn An", childBirthDate = "2026-02-20", childSex = "nam", birthPlace = "Trạm y tế xã Tân An", declarantId = "001234567890" },
        }, ct);
        var urgent = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new { procedure = "priority-demo", unit = "xa-tan-an", data = new { } }, ct);
        var birthId = (await Json(birth)).GetProperty("id").GetString();
        var urgentId = (await Json(urgent)).GetProperty("id").GetString();

        // 08:00: the birth registration's receipt (1 working hour) is due before the other task (1 working day).
        var before = await Json(await As("desk-lan").GetAsync("/api/tasks", ct));
        before.EnumerateArray().Select(t => t.GetProperty("dossier").GetString()).ShouldBe([birthId, urgentId]);
        before.EnumerateArray().Select(t => t.GetProperty("priorityLevel").GetString()).ShouldBe(["normal", "normal"]);

        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        (await Factory.Services.GetRequiredService<TimerDispatcher>().DeliverDueAsync(ct)).Delivered.ShouldBeGreaterThan(0);

        var after = await Json(await As("desk-lan").GetAsync("/api/tasks", ct));
        after.EnumerateArray().Select(t => t.GetProperty("dossier").GetString()).ShouldBe([urgentId, birthId]);
        after[0].GetProperty("priority").GetInt32().ShouldBe(1);
        after[0].GetProperty("priorityLevel").GetString().ShouldBe("high");
        var view = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{urgentId}", ct));
        view.GetProperty("dossier").GetProperty("activeSteps")[0].GetProperty("priority").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_overdue_step_notifies_its_group_and_officials_list_their_notifications()
    {
        await ReceivedBirthRegistrationAsync();

        // The appraisal (3 working hours from 08:00) is overdue at 11:00.
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.FromHours(7)));
        (await Factory.Services.GetRequiredService<TimerDispatcher>().DeliverDueAsync(TestContext.Current.CancellationToken)).Delivered.ShouldBeGreaterThan(0);

        var mine = await Json(await As("civil-hoa").GetAsync("/api/notifications"));
        mine.EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldContain("step-overdue");
        (await Json(await As("clerk-mai").GetAsync("/api/notifications"))).GetArrayLength().ShouldBe(0);
    }
}
