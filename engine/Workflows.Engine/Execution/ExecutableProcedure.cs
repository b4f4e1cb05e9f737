using System.Collections.Frozen;
using System.Collections.Immutable;
using Workflows.Engine.Definitions;
using Workflows.Engine.Expressions;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Execution;

/// <summary>
/// A validated definition prepared for execution: steps indexed, transitions grouped, expressions parsed.
/// Built once per published version and shared (immutable, thread-safe).
/// </summary>
public sealed class ExecutableProcedure
{
    private readonly FrozenDictionary<StepId, StepDefinition> steps;
    private readonly FrozenDictionary<StepId, ImmutableArray<TransitionDefinition>> outgoing;
    private readonly FrozenDictionary<StepId, int> incomingCount;
    private readonly FrozenDictionary<string, Expression> expressions;

    private ExecutableProcedure(ProcedureDefinition definition)
    {
        Definition = definition;
        steps = definition.Steps.ToFrozenDictionary(s => s.Id);
        outgoing = definition.Transitions.GroupBy(t => t.From).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        incomingCount = definition.Transitions.GroupBy(t => t.To).ToFrozenDictionary(g => g.Key, g => g.Select(t => t.From).Distinct().Count()); // a branch arrives once, whichever outcome it left by
        Start = definition.Steps.Single(s => s.Kind == StepKind.Start);
        expressions = definition.Transitions.Select(t => t.Condition)
            .Concat(definition.Steps.SelectMany(s => s.Assignments.Values))
            .Concat(definition.DeadlineRules.Select(r => r.When))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(text => text, text => Expressions.Expression.Parse(text).Expression!, StringComparer.Ordinal);
    }

    public ProcedureDefinition Definition { get; }

    public DefinitionKey Key => Definition.Key;

    public StepDefinition Start { get; }

    /// <summary>Prepares a definition; it must have passed <see cref="DefinitionValidator"/>.</summary>
    /// <exception cref="ArgumentException">The definition has validation errors (a caller bug: validate first).</exception>
    public static ExecutableProcedure Create(ProcedureDefinition definition)
    {
        var report = DefinitionValidator.Validate(definition);
        return report.IsValid
            ? new ExecutableProcedure(definition)
            : throw new ArgumentException($"Definition {definition.Key} is not valid: {string.Join("; ", report.Errors)}", nameof(definition));
    }

    public StepDefinition Step(StepId id) => steps[id];

    public bool TryStep(StepId id, out StepDefinition step) => steps.TryGetValue(id, out step!);

    public ImmutableArray<TransitionDefinition> Outgoing(StepId id) => outgoing.GetValueOrDefault(id, []);

    public int IncomingCount(StepId id) => incomingCount.GetValueOrDefault(id);

    public Expression Expression(string text) => expressions[text];
}
