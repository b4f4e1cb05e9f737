using System.CommandLine;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.PostgreSql;
using Workflows.Engine.Persistence.Sqlite;

namespace Workflows.Cli.Commands;

/// <summary>
/// <c>workflows publish &lt;file&gt;</c>: import a definition as a draft and publish it, either through a running
/// server's API (default) or straight into a database (--database), e.g. when provisioning a new province.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The definition file to publish." };
        var server = new Option<string>("--server") { Description = "Base URL of a running Workflows server.", DefaultValueFactory = _ => "http://localhost:5080" };
        var user = new Option<string>("--user") { Description = "Who publishes (a user id known to the server or database).", DefaultValueFactory = _ => "analyst-thu" };
        var database = new Option<string>("--database") { Description = "Publish into this database instead of through a server (a connection string)." };
        var provider = new Option<string>("--provider") { Description = "Database provider for --database: sqlite or postgresql.", DefaultValueFactory = _ => "sqlite" };
        var note = new Option<string>("--note") { Description = "Change note recorded with the version." };
        var command = new Command("publish", "Import a definition and publish it as the procedure's next version.") { file, server, user, database, provider, note };
        command.SetAction(async (parseResult, ct) =>
        {
            if (!DefinitionFile.TryRead(parseResult.GetValue(file)!, console, out var json))
            {
                return 1;
            }

            if (!UserId.TryParse(parseResult.GetValue(user), out var by))
            {
                console.Error.WriteLine($"--user: '{parseResult.GetValue(user)}' is not a user id.");
                return 1;
            }

            return parseResult.GetValue(database) is { } connection
                ? await ToDatabaseAsync(console, json, connection, parseResult.GetValue(provider)!, by, parseResult.GetValue(note), ct)
                : await ToServerAsync(console, json, parseResult.GetValue(server)!, by, parseResult.GetValue(note), ct);
        });
        return command;
    }

    private static async Task<int> ToDatabaseAsync(CliConsole console, string json, string connection, string provider, UserId by, string? note, CancellationToken ct)
    {
        var services = new ServiceCollection();
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                services.AddWorkflowsSqlite(connection);
                break;
            case "POSTGRESQL":
                services.AddWorkflowsPostgreSql(connection);
                break;
            default:
                console.Error.WriteLine($"--provider: '{provider}' is not supported; use sqlite or postgresql.");
                return 1;
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDefinitionCheck, ResultTemplatesPrintable>();
        services.AddSingleton<ProcedureCatalog>();
        await using var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<IWorkflowsDatabase>().MigrateAsync(ct);
        var outcome = await provided.GetRequiredService<ProcedureCatalog>().ImportAndPublishAsync(json, by, note, ct);
        switch (outcome)
        {
            case CatalogDone done:
                console.Out.WriteLine($"Published {done.Definition.Key} ({done.Definition.Definition.Name}).");
                return 0;
            case CatalogRefused refused:
                console.Error.WriteLine(refused.Message);
                foreach (var problem in refused.Problems)
                {
                    console.Error.WriteLine(problem);
                }

                return 1;
            default:
                throw new InvalidOperationException("Unknown catalogue outcome.");
        }
    }

    private static async Task<int> ToServerAsync(CliConsole console, string json, string server, UserId by, string? note, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Workflows-User", by.Value);
        try
        {
            using var imported = await http.PostAsync("/api/procedures", new StringContent(json, Encoding.UTF8, "application/json"), ct);
            if (!imported.IsSuccessStatusCode)
            {
                return await ReportAsync(console, imported, ct);
            }

            var draft = await imported.Content.ReadFromJsonAsync<JsonElement>(ct);
            var version = draft.GetProperty("version");
            var path = $"/api/procedures/{version.GetProperty("procedure").GetString()}/versions/{version.GetProperty("version").GetInt32()}/publish";
            using var published = await http.PostAsJsonAsync(path, new { changeNote = note }, ct);
            if (!published.IsSuccessStatusCode)
            {
                return await ReportAsync(console, published, ct);
            }

            var result = await published.Content.ReadFromJsonAsync<JsonElement>(ct);
            console.Out.WriteLine($"Published {result.GetProperty("procedure").GetString()}@{result.GetProperty("version").GetInt32()} on {server}.");
            return 0;
        }
        catch (HttpRequestException e)
        {
            console.Error.WriteLine($"Could not reach {server}: {e.Message}. Is the server running? (or publish into a database with --database)");
            return 1;
        }
    }

    private static async Task<int> ReportAsync(CliConsole console, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        console.Error.WriteLine($"The server refused ({(int)response.StatusCode}):");
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(body);
            console.Error.WriteLine(problem.TryGetProperty("detail", out var detail) ? detail.GetString() : body);
            if (problem.TryGetProperty("problems", out var problems))
            {
                foreach (var p in problems.EnumerateArray())
                {
                    console.Error.WriteLine($"{p.GetProperty("location").GetString()}: {p.GetProperty("message").GetString()} [{p.GetProperty("code").GetString()}]");
                }
            }
        }
        catch (JsonException)
        {
            console.Error.WriteLine(body);
        }

        return 1;
    }
}

/// <summary>Publishing from the CLI refuses result templates this build cannot print, as the host does.</summary>
internal sealed class ResultTemplatesPrintable : IDefinitionCheck
{
    public IEnumerable<Engine.Validation.ValidationProblem> Check(Engine.Definitions.ProcedureDefinition definition) =>
        Engine.Printing.Templates.ResultTemplateCheck.Check(definition);
}
