namespace Workflows.Engine.Signing.Tests;

public class ProjectTests
{
    [Fact]
    public void The_project_builds() => typeof(ProjectTests).Assembly.GetName().Name.ShouldBe("Workflows.Engine.Signing.Tests");
}
