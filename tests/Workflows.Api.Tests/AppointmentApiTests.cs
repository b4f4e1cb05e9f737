using System.Net;
using System.Net.Http.Json;

namespace Workflows.Api.Tests;

/// <summary>The form 04 new appointment over HTTP: the leader moves a received dossier's appointment once, with a reason.</summary>
public abstract class AppointmentApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private async Task<(string Id, DateTimeOffset Appointment)> ReceivedConstructionPermitAsync()
    {
        var submitted = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "construction-permit-house",
            unit = "xa-tan-an",
            data = new
            {
                ownerName = "Nguyễn Văn An", ownerId = "001234567890", ownerAddress = "Thôn 1, xã Tân An", constructionAddress = "Thôn 2, xã Tân An",
                landParcel = "Thửa 12, tờ 3", landCertificateNumber = "CS 012345", landArea = 120, buildingFootprint = 80, grossFloorArea = 240, floors = 3, buildingHeight = 11.5,
            },
        }, TestContext.Current.CancellationToken);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var complete = await AttachRequiredAsync((await Json(submitted)).GetProperty("id").GetString()!, "citizen-an");
        var receive = complete.GetProperty("activeSteps")[0].GetProperty("taskId").GetString();
        var received = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/complete", new { outcome = "accept" }, TestContext.Current.CancellationToken);
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var dossier = await Json(received);
        return (dossier.GetProperty("id").GetString()!, dossier.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_leader_gives_one_new_appointment_with_a_reason()
    {
        var (id, appointment) = await ReceivedConstructionPermitAsync();
        var later = appointment.AddDays(7);

        var given = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = later, reason = "Chờ ý kiến của Sở Xây dựng về chỉ giới." }, TestContext.Current.CancellationToken);

        given.StatusCode.ShouldBe(HttpStatusCode.OK, await given.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Json(given)).GetProperty("dueAt").GetDateTimeOffset().ShouldBe(later);
        var history = await (await As("chair-tuan").GetAsync($"/api/dossiers/{id}/history", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        history.ShouldContain("appointment-rescheduled");

        var again = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = later.AddDays(3), reason = "Lần nữa" }, TestContext.Current.CancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(again)).GetProperty("type").GetString().ShouldBe("urn:workflows:problem:appointment-already-rescheduled");
    }

    [Fact]
    public async Task Someone_who_is_not_the_leader_without_a_reason_or_too_early_a_date_is_refused_and_nothing_changes()
    {
        var (id, appointment) = await ReceivedConstructionPermitAsync();
        var before = await (await As("desk-lan").GetAsync($"/api/dossiers/{id}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var desk = await As("desk-lan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = appointment.AddDays(7), reason = "x" }, TestContext.Current.CancellationToken);
        desk.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = appointment.AddDays(7), reason = " " }, TestContext.Current.CancellationToken);
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var earlier = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = appointment.AddHours(-1), reason = "Sớm hơn" }, TestContext.Current.CancellationToken);
        earlier.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(earlier)).GetProperty("detail").GetString()!.ShouldContain("later than the current one");
        var missing = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { reason = "Thiếu ngày" }, TestContext.Current.CancellationToken);
        missing.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await (await As("desk-lan").GetAsync($"/api/dossiers/{id}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(before);
    }
}

public sealed class SqliteAppointmentApiTests() : AppointmentApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlAppointmentApiTests() : AppointmentApiTests(new PostgreSqlApiDatabase());
