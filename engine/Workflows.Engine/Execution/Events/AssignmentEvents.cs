using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

/// <summary>
/// A task opened already assigned to one official: <see cref="Rule"/> is "picked" (named in a form field by an
/// earlier step, usually the leader's), "round-robin", "least-loaded" or "returned" (the step opened again for rework
/// goes back to whoever did it before); <see cref="Reason"/> says why this person.
/// </summary>
public sealed record TaskAssigned(int StepInstance, UserId Assignee, string Rule, string Reason) : WorkflowEvent;
