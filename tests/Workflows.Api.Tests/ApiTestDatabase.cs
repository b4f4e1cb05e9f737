using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence.Tests.PostgreSql;

namespace Workflows.Api.Tests;

/// <summary>A fresh database for one test class instance: what the host is configured with, and its clean-up.</summary>
public abstract class ApiTestDatabase : IAsyncDisposable
{
    public abstract Task<(string Provider, string ConnectionString)> CreateAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The embedded default: a SQLite file in a temp folder, deleted afterwards.</summary>
public sealed class SqliteApiDatabase : ApiTestDatabase
{
    private readonly string root = Directory.CreateTempSubdirectory("workflows-api-").FullName;

    public override Task<(string Provider, string ConnectionString)> CreateAsync() =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(root, "workflows.db")}"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>A fresh database on the throwaway PostgreSQL cluster (skips the test where no binaries exist).</summary>
public sealed class PostgreSqlApiDatabase : ApiTestDatabase
{
    public override async Task<(string Provider, string ConnectionString)> CreateAsync()
    {
        var server = await PostgreSqlServer.StartOrSkipAsync();
        return ("PostgreSql", await server.CreateDatabaseAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>The real host on a fresh database, started per test class instance; the base of every API test class.</summary>
public abstract class ApiHostTests(ApiTestDatabase database) : IAsyncLifetime
{
    private WorkflowsApiFactory? factory;

    protected WorkflowsApiFactory Factory => factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Extra host configuration a test class needs (e.g. no timer scheduler).</summary>
    protected virtual IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        var (provider, connectionString) = await database.CreateAsync();
        factory = new WorkflowsApiFactory(provider, connectionString) { Settings = HostSettings };
        _ = factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected HttpClient As(string? user) => Factory.ClientFor(user);

    /// <summary>A complete, valid online birth-registration submission (the body of <c>POST /api/dossiers</c>).</summary>
    protected static object BirthRegistration(string childName = "Nguyễn Văn An", string unit = "xa-tan-an") => new
    {
        procedure = "birth-registration",
        unit,
        data = new
        {
            childName,
            childBirthDate = "2026-02-20",
            childSex = "nam",
            birthPlace = "Trạm y tế xã Tân An",
            motherName = "Trần Thị Bình",
            declarantId = "001234567890",
            relationship = "mẹ",
        },
    };

    /// <summary>
    /// The dev CA issues a person's or unit's key on first use, valid from that moment. Tests that travel back in time
    /// issue every key the day before their earliest instant, as a real deployment would have them.
    /// </summary>
    protected async Task IssueSigningKeysBeforeAsync(DateTimeOffset earliest, IEnumerable<Workflows.Engine.Simulation.ScriptActor> actors)
    {
        Factory.Clock.AdjustTime(earliest.AddDays(-1));
        var vault = Factory.Services.GetRequiredService<Workflows.Engine.Signing.Signers.IKeyVault>();
        foreach (var actor in actors.DistinctBy(a => a.User))
        {
            await vault.FindAsync(Workflows.Engine.Signing.Signers.KeyIds.For(new Workflows.Engine.Identity.UserId(actor.User)), TestContext.Current.CancellationToken);
            await vault.FindAsync(Workflows.Engine.Signing.Signers.KeyIds.For(new Workflows.Engine.Identity.UnitId(actor.Unit)), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A script starts with fresh round-robin turns; so does each replay on a shared database.</summary>
    protected async Task StartRoundRobinAfreshAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Workflows.Engine.Persistence.WorkflowsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "DELETE FROM assignment_cursors", TestContext.Current.CancellationToken);
    }

    /// <summary>A minimal well-formed PDF: what a scanner produces, as far as sniffing the type is concerned.</summary>
    protected static byte[] Pdf(string text = "scan") => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    protected async Task<HttpResponseMessage> UploadAsync(string user, string dossierId, string component, byte[] content, string fileName = "scan.pdf", string contentType = "application/pdf", string? taskId = null)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var path = taskId is null ? $"/api/dossiers/{dossierId}/attachments" : $"/api/tasks/{taskId}/attachments";
        return await As(user).PostAsync($"{path}?component={Uri.EscapeDataString(component)}&fileName={Uri.EscapeDataString(fileName)}", body);
    }

    /// <summary>Uploads a PDF for every required component of the dossier's checklist, as the applicant does on the portal.</summary>
    protected async Task<System.Text.Json.JsonElement> AttachRequiredAsync(string dossierId, string user)
    {
        var list = await Json(await As(user).GetAsync($"/api/dossiers/{dossierId}/attachments"));
        foreach (var item in list.GetProperty("checklist").EnumerateArray().Where(i => i.GetProperty("required").GetBoolean()))
        {
            var key = item.GetProperty("key").GetString()!;
            var response = await UploadAsync(user, dossierId, key, Pdf(key), key + ".pdf");
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        return (await Json(await As(user).GetAsync($"/api/dossiers/{dossierId}"))).GetProperty("dossier");
    }

    /// <summary>The task id of the dossier's one open task at <paramref name="step"/>.</summary>
    protected static string TaskAt(System.Text.Json.JsonElement dossier, string step) =>
        dossier.GetProperty("activeSteps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("taskId").GetString()!;

    /// <summary>The body of a response that must be 200 OK (the body is the failure message otherwise).</summary>
    protected static async Task<System.Text.Json.JsonElement> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    protected static async Task<System.Text.Json.JsonElement> Json(HttpResponseMessage response) =>
        System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(await response.Content.ReadAsStringAsync());
}
