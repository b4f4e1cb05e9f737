using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Simulation;

/// <summary>The attachment a script's "attach" step stands for: no bytes, but the same reference every run.</summary>
internal static class ScriptAttachments
{
    public const long DefaultSize = 250_000;

    public static Attachment For(ExecutableProcedure procedure, InstanceState state, ScriptStep step, string component)
    {
        var requirement = procedure.Definition.Documents.FirstOrDefault(d => d.Key == component);
        var fileName = step.FileName ?? component + ".pdf";
        var mediaType = step.MediaType ?? requirement?.AcceptedTypes.FirstOrDefault() ?? MediaTypes.Pdf;
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{component}/{fileName}")));
        var id = string.Create(CultureInfo.InvariantCulture, $"att-{state.LastEventSequence + 1}");
        return new Attachment(id, component, fileName, mediaType, step.Size ?? DefaultSize, digest);
    }
}
