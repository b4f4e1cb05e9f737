using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflows.Api.Tests;

/// <summary>Submissions the host must refuse before anything is stored: the wrong unit, text that hides what it says.</summary>
public abstract class SubmissionInputApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    [Fact]
    public async Task Birth_registration_at_a_department_is_refused_with_the_communes_that_may_receive_it()
    {
        var response = await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration(unit: "so-tu-phap"), TestContext.Current.CancellationToken);

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity, "unit-not-competent");
        problem.GetProperty("detail").GetString()!.ShouldContain("commune");
        problem.GetProperty("competentUnits").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ShouldBe(["xa-tan-an", "xa-binh-minh"], ignoreOrder: true);
    }

    [Fact]
    public async Task Birth_registration_at_a_commune_is_accepted()
    {
        var response = await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration(unit: "xa-binh-minh"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_name_typed_decomposed_is_stored_composed_and_a_name_with_an_override_is_refused()
    {
        var decomposed = "Nguyễn Văn An".Normalize(NormalizationForm.FormD);

        var created = await Json(await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration(childName: decomposed), TestContext.Current.CancellationToken));
        var refused = await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration(childName: "Nguyễn\u202EnA"), TestContext.Current.CancellationToken);

        created.GetProperty("data").GetProperty("childName").GetString().ShouldBe("Nguyễn Văn An");
        (await Problem(refused, HttpStatusCode.UnprocessableEntity, "invalid-data")).GetProperty("detail").GetString()!.ShouldContain("childName");
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:" + code, body);
        return problem;
    }
}

public sealed class SqliteSubmissionInputApiTests() : SubmissionInputApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlSubmissionInputApiTests() : SubmissionInputApiTests(new PostgreSqlApiDatabase());
