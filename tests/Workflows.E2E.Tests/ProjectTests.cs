namespace Workflows.E2E.Tests;

public class ProjectTests
{
    [Fact]
    public void The_project_builds() => typeof(ProjectTests).Assembly.GetName().Name.ShouldBe("Workflows.E2E.Tests");
}
