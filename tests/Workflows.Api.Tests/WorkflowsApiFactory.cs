using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Workflows.Api.Tests;

/// <summary>The real host on a real database, with the clock under the test's control.</summary>
/// <param name="keysDirectory">Another host's keys directory, to run a second host of one deployment (shared volume); null: a fresh one.</param>
public sealed class WorkflowsApiFactory(string provider, string connectionString, string? keysDirectory = null) : WebApplicationFactory<Program>
{
    /// <summary>Monday 2 March 2026, 08:00 in Vietnam: inside office hours, far from holidays.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    public FakeTimeProvider Clock { get; } = new(Start) { AutoAdvanceAmount = TimeSpan.Zero };

    /// <summary>Configuration on top of the test defaults.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    /// <summary>This host's signing keys and dev PKI, so parallel hosts never share (or race on) one.</summary>
    public string KeysDirectory { get; } = keysDirectory ?? Directory.CreateTempSubdirectory("workflows-keys-").FullName;

    /// <summary>The connection string this host uses, so a test can start a second host on the same database.</summary>
    public string ConnectionString => connectionString;

    public string Provider => provider;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (keysDirectory is null)
        {
            Directory.Delete(KeysDirectory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    public HttpClient ClientFor(string? user)
    {
        var client = CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-Workflows-User", user);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Workflows", connectionString);
        builder.UseSetting("Limits:MaxRequestBodyBytes", "262144");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Signing:KeysDirectory", KeysDirectory);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
