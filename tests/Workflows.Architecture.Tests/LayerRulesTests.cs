using System.Reflection;
using NetArchTest.Rules;

namespace Workflows.Architecture.Tests;

/// <summary>
/// The layers' arrows (ADR 0024): core ← application ← adapters ← host, and nothing points back. The application
/// owns the ports it needs, so persistence, timers and the host plug in from outside and can be swapped or faked.
/// </summary>
public class LayerRulesTests
{
    private static readonly Assembly Core = typeof(Workflows.Engine.Execution.WorkflowExecutor).Assembly;
    private static readonly Assembly Application = typeof(Workflows.Engine.Application.WorkflowRuntime).Assembly;
    private static readonly Assembly Persistence = typeof(Workflows.Engine.Persistence.WorkflowsDbContext).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Quartz")]
    [InlineData("Workflows.Engine.Persistence")]
    [InlineData("Workflows.Engine.Signing")]
    [InlineData("Workflows.Engine.Timers")]
    [InlineData("Workflows.Api")]
    public void The_application_does_not_depend_on(string forbidden)
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Application types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_application_assembly_references_only_the_core_and_the_base_class_library()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldAllBe(name => name == Core.GetName().Name
            || name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib");
    }

    [Fact]
    public void The_core_does_not_depend_on_the_application()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Workflows.Engine.Application").GetResult();

        result.IsSuccessful.ShouldBeTrue($"Core types depending on the application: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("Workflows.Api")]
    [InlineData("Microsoft.AspNetCore")]
    public void Persistence_does_not_depend_on_the_host(string forbidden)
    {
        var result = Types.InAssembly(Persistence).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Persistence types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("Workflows.Engine.Persistence")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Workflows.Api")]
    public void The_timers_adapter_knows_the_application_not_the_other_adapters(string forbidden)
    {
        var timers = typeof(Workflows.Engine.Timers.Quartz.TimerDispatcher).Assembly;

        var result = Types.InAssembly(timers).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        result.IsSuccessful.ShouldBeTrue($"Timer types depending on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Persistence_holds_adapters_only_and_no_ports_of_its_own()
    {
        // A public interface in persistence would be a port living in an adapter: it belongs to the application.
        // The one exception is the host's start-up handle on the database itself (migrations, readiness).
        var ports = Persistence.GetExportedTypes().Where(t => t.IsInterface).Select(t => t.FullName).ToList();

        ports.ShouldBe(["Workflows.Engine.Persistence.IWorkflowsDatabase"]);
    }
}
