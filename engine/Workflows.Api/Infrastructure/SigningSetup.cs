using Microsoft.AspNetCore.DataProtection;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;

namespace Workflows.Api.Infrastructure;

/// <summary>Signing: the PDFsharp licence choice, Data Protection for keys at rest, the key vault, signer and verifier.</summary>
public static class SigningSetup
{
    public static WebApplicationBuilder AddWorkflowsSigning(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Signing").Get<SigningOptions>() ?? new SigningOptions();
        builder.Services.Configure<SigningOptions>(builder.Configuration.GetSection("Signing"));
        switch (options.PdfSharpLicense.ToUpperInvariant())
        {
            case "AGPL":
                PdfGenerationLicense.UseAgpl();
                break;
            case "COMMERCIAL" when !string.IsNullOrWhiteSpace(options.PdfSharpLicenseKey):
                PdfGenerationLicense.UseCommercial(options.PdfSharpLicenseKey);
                break;
            default:
                throw new InvalidOperationException("Signing:PdfSharpLicense must be \"agpl\" or \"commercial\" (with Signing:PdfSharpLicenseKey); see docs/adr/0007-pdf-signatures.md.");
        }

        var keys = Path.GetFullPath(options.KeysDirectory, builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("Workflows")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keys, "data-protection")));
        builder.Services.AddSingleton<ProtectedKeyVault>();
        builder.Services.AddSingleton<IKeyVault>(sp => sp.GetRequiredService<ProtectedKeyVault>());
        builder.Services.AddSingleton<Engine.Application.IDefinitionCheck, Features.Signing.ResultTemplateCheck>();
        builder.Services.AddSingleton<DatabaseSigningSessions>();
        builder.Services.AddSingleton<Features.Signing.ResultNumberGate>();
        builder.Services.AddSingleton<ISigningSessionStore>(sp => sp.GetRequiredService<DatabaseSigningSessions>());
        builder.Services.AddSingleton(sp => new PdfSigningService(
            sp.GetRequiredService<ISigningSessionStore>(),
            sp.GetRequiredService<TimeProvider>(),
            new PdfSigningOptions { MaxDocumentBytes = options.MaxDocumentBytes }));
        return builder;
    }
}
