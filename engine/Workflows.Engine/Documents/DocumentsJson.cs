using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Documents;

/// <summary>One checklist entry as the definition file writes it (every value loose, so reading never fails).</summary>
public sealed record DocumentRequirementDocument
{
    public string? Key { get; init; }

    public string? Name { get; init; }

    public bool Required { get; init; }

    public List<string>? AcceptedTypes { get; init; }

    public long? MaxBytes { get; init; }
}

/// <summary>Maps the definition's "documents" checklist to <see cref="DocumentRequirement"/>s and back, reporting each bad value where it is.</summary>
public static class DocumentsJson
{
    /// <param name="problem">Receives (code, location, message) for every bad value.</param>
    public static ImmutableArray<DocumentRequirement> Map(IReadOnlyList<DocumentRequirementDocument>? documents, Action<string, string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = ImmutableArray.CreateBuilder<DocumentRequirement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var doc = documents![i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.documents[{i}]");
            var ok = true;
            if (!Slug.IsValid(doc.Key))
            {
                problem("invalid-document-key", at + ".key", doc.Key is null ? "Every dossier component needs a \"key\", e.g. \"birth-certificate-medical\"." : Slug.Describe(doc.Key, "document"));
                ok = false;
            }
            else if (doc.Key == DocumentLimits.OtherComponent)
            {
                problem("invalid-document-key", at + ".key", $"\"{DocumentLimits.OtherComponent}\" is reserved for files that are not on the checklist; choose another key.");
                ok = false;
            }
            else if (!seen.Add(doc.Key!))
            {
                problem("duplicate-document-key", at + ".key", $"The component key \"{doc.Key}\" is used twice; attachments could not say which one they are for.");
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(doc.Name))
            {
                problem("missing-document-name", at + ".name", "Every dossier component needs a \"name\" as the catalogue writes it, e.g. \"Giấy chứng sinh\".");
                ok = false;
            }

            var types = doc.AcceptedTypes ?? [.. DocumentLimits.DefaultAcceptedTypes];
            if (types.Count == 0)
            {
                problem("invalid-accepted-types", at + ".acceptedTypes", "List at least one accepted type, or omit \"acceptedTypes\" for PDF, JPEG and PNG.");
                ok = false;
            }

            for (var t = 0; t < types.Count; t++)
            {
                if (!MediaTypes.IsKnown(types[t]))
                {
                    problem("unknown-media-type", string.Create(CultureInfo.InvariantCulture, $"{at}.acceptedTypes[{t}]"), $"\"{types[t]}\" is not a type the store can recognise; use {string.Join(", ", MediaTypes.Known)}.");
                    ok = false;
                }
                else if (types.IndexOf(types[t]) != t)
                {
                    problem("duplicate-media-type", string.Create(CultureInfo.InvariantCulture, $"{at}.acceptedTypes[{t}]"), $"\"{types[t]}\" is listed twice.");
                    ok = false;
                }
            }

            if (doc.MaxBytes is { } max && max is <= 0 or > DocumentLimits.MaxBytes)
            {
                problem("invalid-max-bytes", at + ".maxBytes", string.Create(CultureInfo.InvariantCulture, $"maxBytes must be between 1 and {DocumentLimits.MaxBytes} (the store's cap of {DocumentLimits.MaxBytes / (1024 * 1024)} MB); {max} is not."));
                ok = false;
            }

            if (ok)
            {
                result.Add(new DocumentRequirement(doc.Key!, doc.Name!.Trim())
                {
                    Required = doc.Required,
                    AcceptedTypes = [.. types],
                    MaxBytes = doc.MaxBytes ?? DocumentLimits.DefaultMaxBytes,
                });
            }
        }

        return result.ToImmutable();
    }

    public static List<DocumentRequirementDocument>? ToDocuments(ImmutableArray<DocumentRequirement> documents) =>
        documents.IsDefaultOrEmpty
            ? null
            : [.. documents.Select(d => new DocumentRequirementDocument
            {
                Key = d.Key,
                Name = d.Name,
                Required = d.Required,
                AcceptedTypes = d.AcceptedTypes.SequenceEqual(DocumentLimits.DefaultAcceptedTypes) ? null : [.. d.AcceptedTypes],
                MaxBytes = d.MaxBytes == DocumentLimits.DefaultMaxBytes ? null : d.MaxBytes,
            })];
}
