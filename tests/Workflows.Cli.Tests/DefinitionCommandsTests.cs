using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Workflows.Cli.Tests;

public class DefinitionCommandsTests
{
    private static readonly string BirthRegistration = Path.Combine(Cli.Procedures, "birth-registration", "definition.json");

    private const string Broken = """
        { "id": "broken", "name": "Broken", "roles": [ { "id": "officer", "name": "Officer" } ],
          "steps": [ { "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "ghost", "outcomes": ["ok", "no"] },
                     { "id": "g", "kind": "gateway" }, { "id": "e", "kind": "end" }, { "id": "island", "kind": "end" } ],
          "transitions": [ { "from": "s", "to": "a" }, { "from": "a", "to": "g", "outcome": "ok" }, { "from": "g", "to": "e", "condition": "x > 1" } ] }
        """;

    [Fact]
    public async Task Validate_accepts_the_sample_procedure()
    {
        var (exitCode, output, error) = await Cli.Run("validate", BirthRegistration);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("'birth-registration' (Đăng ký khai sinh) is valid");
    }

    [Fact]
    public async Task Validate_rejects_a_broken_definition_with_located_messages()
    {
        var (exitCode, _, error) = await Cli.Run("validate", Cli.TempFile("broken.json", Broken));

        exitCode.ShouldBe(1);
        error.ShouldContain("$.steps[1].role: Step 'a' names role 'ghost'");
        error.ShouldContain("$.steps[1].outcomes: Outcome 'no' of step 'a' leads nowhere");
        error.ShouldContain("$.steps[2]: Gateway 'g' has no default branch");
        error.ShouldContain("$.steps[4]: Step 'island' can never be reached");
        error.ShouldContain("$.transitions[2].condition");
        error.ShouldContain("error(s); the definition cannot be published");
    }

    [Fact]
    public async Task Validate_reports_malformed_json_and_missing_files()
    {
        (await Cli.Run("validate", Cli.TempFile("bad.json", "{ \"id\": "))).ExitCode.ShouldBe(1);
        var (exitCode, _, error) = await Cli.Run("validate", "/no/such/file.json");
        exitCode.ShouldBe(1);
        error.ShouldContain("no such file");
    }

    [Fact]
    public async Task Simulate_prints_the_event_trace_as_json()
    {
        var script = Path.Combine(Cli.Procedures, "birth-registration", "traces", "happy-path.script.json");

        var (exitCode, output, error) = await Cli.Run("simulate", BirthRegistration, "--script", script);

        exitCode.ShouldBe(0, error);
        var trace = JsonSerializer.Deserialize<JsonElement>(output);
        trace.GetProperty("final").GetProperty("status").GetString().ShouldBe("returned");
        trace.GetProperty("entries")[0].GetProperty("events")[0].GetProperty("event").GetProperty("type").GetString().ShouldBe("dossier-submitted");
    }

    [Fact]
    public async Task Simulate_fails_when_the_script_cannot_be_carried_out()
    {
        var script = Cli.TempFile("script.json", """
            { "unit": "xa-tan-an", "actors": { "desk": { "user": "desk-lan", "unit": "xa-tan-an", "roles": ["desk-officer"] } },
              "submittedBy": "desk", "submittedAt": "2026-03-02T08:00:00+07:00",
              "data": { "childName": "A", "childBirthDate": "2026-02-01", "childSex": "nam", "birthPlace": "X", "declarantId": "001234567890" },
              "steps": [ { "complete": "approve", "outcome": "approve", "as": "desk" } ] }
            """);

        var (exitCode, _, error) = await Cli.Run("simulate", BirthRegistration, "--script", script);

        exitCode.ShouldBe(1);
        error.ShouldContain("not waiting at 'approve'");
    }

    [Fact]
    public async Task Publish_into_a_database_stores_a_published_version_and_is_idempotent()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("workflows-cli-db-").FullName, "w.db");
        var connection = $"Data Source={database}";

        var (exitCode, output, error) = await Cli.Run("publish", BirthRegistration, "--database", connection, "--note", "first");
        var again = await Cli.Run("publish", BirthRegistration, "--database", connection);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("Published birth-registration@v1");
        again.Output.ShouldContain("birth-registration@v1");
        await using var sqlite = new SqliteConnection(connection);
        await sqlite.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM procedure_definitions WHERE procedure_id = 'birth-registration'";
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(1L);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Publish_refuses_an_invalid_definition_and_stores_nothing()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("workflows-cli-db-").FullName, "w.db");

        var (exitCode, _, error) = await Cli.Run("publish", Cli.TempFile("broken.json", Broken), "--database", $"Data Source={database}");

        exitCode.ShouldBe(1);
        error.ShouldContain("fix them before publishing");
        await using var sqlite = new SqliteConnection($"Data Source={database}");
        await sqlite.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM procedure_definitions";
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(0L);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Publish_refuses_a_result_template_this_build_cannot_print()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("workflows-cli-db-").FullName, "w.db");
        var json = File.ReadAllText(BirthRegistration).Replace("\"giay-khai-sinh\"", "\"giay-khai-tu\"", StringComparison.Ordinal);
        json.ShouldContain("giay-khai-tu");

        var (exitCode, _, error) = await Cli.Run("publish", Cli.TempFile("unknown-template.json", json), "--database", $"Data Source={database}");

        exitCode.ShouldBe(1);
        error.ShouldContain("giay-khai-tu");
        error.ShouldContain("cannot print");
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Publish_to_a_server_that_is_not_running_says_so()
    {
        var (exitCode, _, error) = await Cli.Run("publish", BirthRegistration, "--server", "http://127.0.0.1:9");

        exitCode.ShouldBe(1);
        error.ShouldContain("Could not reach");
    }
}
