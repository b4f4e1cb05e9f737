using Workflows.Api.Features.Appointments;
using Workflows.Api.Features.Attachments;
using Workflows.Api.Features.Books;
using Workflows.Api.Features.Calendars;
using Workflows.Api.Features.Directory;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Features.Forms;
using Workflows.Api.Features.Notifications;
using Workflows.Api.Features.Procedures;
using Workflows.Api.Features.Ratings;
using Workflows.Api.Features.Signing;
using Workflows.Api.Features.Simulation;
using Workflows.Api.Features.Tasks;
using Workflows.Api.Infrastructure;
using Workflows.Api.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.AddShippedSettings();
builder.AddWorkflowsDatabase();
builder.AddWorkflowsEngine();
builder.AddWorkflowsWorkers();
builder.AddWorkflowsSigning();
builder.AddWorkflowsApi();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseWorkflowsApi();
app.UseWorkflowsWebApp();

app.MapProceduresApi();
app.MapMigrationsApi();
app.MapDossiersApi();
app.MapTasksApi();
app.MapDirectoryApi();
app.MapBooksApi();
app.MapProcedureInsightsApi();
app.MapSimulationApi();
app.MapRatingsApi();
app.MapCalendarsApi();
app.MapNotificationsApi();
app.MapAppointmentsApi();
app.MapAttachmentsApi();
app.MapEResultReuseApi();
app.MapSigningApi();
app.MapFormsApi();

app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("Workflows is ready: open {Url} (API reference at {Url}/api-docs)", app.Urls.FirstOrDefault(), app.Urls.FirstOrDefault()));
app.Run();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
