namespace Workflows.Engine.Timers.Quartz.Tests;

public class ProjectTests
{
    [Fact]
    public void The_project_builds() => typeof(ProjectTests).Assembly.GetName().Name.ShouldBe("Workflows.Engine.Timers.Quartz.Tests");
}
