using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

public class TaskOperationsTests
{
    [Fact]
    public void A_task_is_delegated_to_a_colleague_with_the_role_who_can_then_complete_it()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        var receive = run.TaskAt("receive");

        var delegated = run.Do(new DelegateTask(receive, Actors.DeskColleague, "Chị Minh xử lý giúp", Actors.Desk));

        delegated.Events.Single().Event.ShouldBe(new TaskDelegated(receive, Actors.DeskColleague.User) { From = Actors.Desk.User, Note = "Chị Minh xử lý giúp" });
        delegated.Effects.ShouldBe([new AssignTask(new TaskId(BirthRegistrationRun.Id, receive), Actors.DeskColleague.User)]);
        run.Execute(new CompleteTask(receive, "accept", Json.None, Actors.Desk)).ShouldBeOfType<Rejected>();
        run.Complete("receive", "accept", Actors.DeskColleague);
    }

    [Fact]
    public void A_task_cannot_be_delegated_to_someone_without_the_role()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new DelegateTask(run.TaskAt("receive"), Actors.Clerk, null, Actors.Desk));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("needs role 'desk-officer'");
    }

    [Fact]
    public void Returning_a_task_reopens_the_step_that_handed_it_over()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Đề nghị" });
        var approve = run.TaskAt("approve");

        var returned = run.Do(new ReturnTask(approve, "Thiếu xác minh nơi sinh", Actors.Chair));

        returned.Events.Select(e => e.Event).OfType<TaskReturned>().ShouldHaveSingleItem().To.Value.ShouldBe("appraise");
        returned.Effects.OfType<CloseTask>().ShouldHaveSingleItem().Closure.ShouldBe(TaskClosure.Cancelled);
        returned.Effects.OfType<OpenTask>().ShouldHaveSingleItem().Step.Value.ShouldBe("appraise");
        run.State!.ActiveSteps.ShouldHaveSingleItem().CameFrom!.Value.Value.ShouldBe("approve");
    }

    [Fact]
    public void The_first_task_has_nothing_to_return_to()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        run.Execute(new ReturnTask(run.TaskAt("receive"), "?", Actors.Desk)).ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("nothing to return");
    }

    [Fact]
    public void A_comment_is_kept_in_history_and_an_empty_one_is_refused()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        run.Do(new AddComment(run.TaskAt("receive"), "Đã gọi điện cho người nộp", Actors.Desk)).Events.Single().Event
            .ShouldBe(new CommentAdded("Đã gọi điện cho người nộp") { StepInstance = run.TaskAt("receive") });
        run.Execute(new AddComment(null, "   ", Actors.Desk)).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        run.Execute(new AddComment(99, "x", Actors.Desk)).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.TaskNotOpen);
    }
}
