using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Engine.Printing.Templates;

namespace Workflows.Api.Features.Signing;

/// <summary>One result template the designer can offer for a step (<c>template.id</c>), with what it prints.</summary>
public sealed record ResultTemplateDto(string Id, string Name, string? Title, string? LegalBasis, List<string> Fields);

/// <summary>The result templates this server prints, for the designer's picker.</summary>
public static class ResultTemplatesApi
{
    public static Ok<List<ResultTemplateDto>> List() => TypedResults.Ok(ResultTemplates.All
        .Select(t => new ResultTemplateDto(t.Id, t.Name, t.Title, t.LegalBasis, [.. t.Fields.Select(f => f.Key)]))
        .ToList());
}
