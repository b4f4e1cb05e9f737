using System.Reflection;
using NetArchTest.Rules;

namespace Workflows.Architecture.Tests;

/// <summary>
/// Printing renders forms and results and knows nothing of how they are signed, stored, scheduled or served
/// (ADR 0025): signing builds on it, never the other way round.
/// </summary>
public class PrintingLayerTests
{
    private static readonly Assembly Printing = typeof(Workflows.Engine.Printing.DocumentRenderer).Assembly;

    private static readonly Assembly Signing = typeof(Workflows.Engine.Signing.Pades.PdfSigningService).Assembly;

    [Theory]
    [InlineData("Workflows.Engine.Signing")]
    [InlineData("Workflows.Engine.Persistence")]
    [InlineData("Workflows.Api")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Quartz")]
    public void Printing_does_not_depend_on(string forbidden)
    {
        var result = Types.InAssembly(Printing).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Printing types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_printing_assembly_references_neither_signing_nor_a_host_framework()
    {
        var references = Printing.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotContain(name => name.StartsWith("Workflows.Engine.Signing", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Quartz", StringComparison.Ordinal));
    }

    /// <summary>The rule above would see a dependency if there were one: signing's own use of printing is found.</summary>
    [Fact]
    public void The_rule_finds_the_dependency_signing_has_on_printing()
    {
        Types.InAssembly(Signing).That().HaveDependencyOn("Workflows.Engine.Printing").GetTypes().ShouldNotBeEmpty();
        Signing.GetReferencedAssemblies().Select(a => a.Name).ShouldContain("Workflows.Engine.Printing");
    }
}
