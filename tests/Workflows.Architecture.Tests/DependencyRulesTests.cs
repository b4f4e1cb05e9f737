using System.Reflection;
using NetArchTest.Rules;

namespace Workflows.Architecture.Tests;

/// <summary>Dependencies point inward: the core stays pure so it can be replayed, tested and reasoned about alone.</summary>
public class DependencyRulesTests
{
    private static readonly Assembly Core = typeof(Workflows.Engine.Execution.WorkflowExecutor).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Quartz")]
    [InlineData("AutoMapper")]
    [InlineData("Microsoft.Extensions.DependencyInjection")]
    [InlineData("System.Net.Http")]
    [InlineData("Workflows.Engine.Persistence")]
    [InlineData("Workflows.Api")]
    public void The_core_does_not_depend_on(string forbidden)
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Core types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_core_assembly_references_only_the_base_class_library()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib");
    }

    [Theory]
    [InlineData("System.IO.File")]
    [InlineData("System.Random")]
    [InlineData("System.Threading.Thread")]
    [InlineData("System.Net")]
    public void The_core_does_no_io_randomness_or_threading(string forbidden)
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Core types using {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Persistence_does_not_depend_on_the_web_host()
    {
        var persistence = typeof(Workflows.Engine.Persistence.WorkflowsDbContext).Assembly;

        Types.InAssembly(persistence).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore").GetResult().IsSuccessful.ShouldBeTrue();
    }
}
