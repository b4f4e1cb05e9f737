using System.Text.Json;

namespace Workflows.Engine.Execution;

/// <summary>Register numbers come from the register only: a typed-in number would bypass gapless numbering.</summary>
internal sealed partial class ExecutionRun
{
    public Rejection? RefuseTypedNumber(ActiveStep step, string outcome, IReadOnlyDictionary<string, JsonElement> values)
    {
        var definition = procedure.Step(step.Step);
        if (definition.Numbering is not { } rule
            || (!rule.Outcomes.IsEmpty && !rule.Outcomes.Contains(outcome))
            || !values.ContainsKey(rule.Field))
        {
            return null;
        }

        return new Rejection(RejectionCodes.InvalidData, $"'{rule.Field}' is numbered from the unit's '{rule.Register}' register when step '{definition.Id}' completes; leave it out instead of typing a number.");
    }
}
