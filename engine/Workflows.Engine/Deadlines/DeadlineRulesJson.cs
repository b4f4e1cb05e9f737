using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Deadlines;

/// <summary>One entry of "deadlineRules" as written in the definition file.</summary>
public sealed record DeadlineRuleDocument
{
    /// <summary>A condition over form fields; or give <see cref="Outcome"/> instead.</summary>
    public string? When { get; init; }

    public DeadlineOutcomeDocument? Outcome { get; init; }

    /// <summary>The deadline that applies instead of the procedure's, e.g. "5d".</summary>
    public string? Deadline { get; init; }

    public string? Reason { get; init; }
}

public sealed record DeadlineOutcomeDocument(string? Step, string? Outcome);

/// <summary>Maps "deadlineRules" to <see cref="DeadlineRule"/>s and back, reporting each bad value with its location.</summary>
public static class DeadlineRulesJson
{
    /// <summary>More rules than this is not a deadline an applicant could be told about.</summary>
    public const int MaxRules = 20;

    /// <param name="problem">Receives (code, location, message) for every bad value.</param>
    public static ImmutableArray<DeadlineRule> Map(IReadOnlyList<DeadlineRuleDocument>? rules, Action<string, string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (rules is null)
        {
            return [];
        }

        if (rules.Count > MaxRules)
        {
            problem("too-large", "$.deadlineRules", string.Create(CultureInfo.InvariantCulture, $"The definition has {rules.Count} deadline rules; at most {MaxRules} are allowed."));
            return [];
        }

        var mapped = ImmutableArray.CreateBuilder<DeadlineRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.deadlineRules[{i}]");
            var ok = true;
            if (!WorkingDuration.TryParse(rule.Deadline, out var deadline, out var error))
            {
                problem("invalid-duration", at + ".deadline", error);
                ok = false;
            }

            var hasWhen = !string.IsNullOrWhiteSpace(rule.When);
            if (hasWhen == (rule.Outcome is not null))
            {
                problem("invalid-deadline-rule", at, "A deadline rule says when it applies with exactly one of \"when\" (a condition on form fields, e.g. \"needsVerification == true\") or \"outcome\" ({ \"step\": …, \"outcome\": … }).");
                ok = false;
            }

            if (rule.Outcome is { } outcome && (!Slug.IsValid(outcome.Step) || string.IsNullOrWhiteSpace(outcome.Outcome)))
            {
                problem("invalid-deadline-rule", at + ".outcome", "An outcome rule names the step (its id) and the outcome that makes the deadline apply, e.g. { \"step\": \"appraise\", \"outcome\": \"verify\" }.");
                ok = false;
            }

            if (ok)
            {
                mapped.Add(new DeadlineRule(deadline)
                {
                    When = hasWhen ? rule.When!.Trim() : null,
                    Step = rule.Outcome is { Step: { } step } ? new StepId(step) : null,
                    Outcome = rule.Outcome?.Outcome,
                    Reason = string.IsNullOrWhiteSpace(rule.Reason) ? null : rule.Reason.Trim(),
                });
            }
        }

        return mapped.ToImmutable();
    }

    public static List<DeadlineRuleDocument>? ToDocuments(ImmutableArray<DeadlineRule> rules) =>
        rules.IsDefaultOrEmpty ? null : [.. rules.Select(r => new DeadlineRuleDocument
        {
            When = r.When,
            Outcome = r.Step is { } step ? new DeadlineOutcomeDocument(step.Value, r.Outcome) : null,
            Deadline = r.Deadline.ToString(),
            Reason = r.Reason,
        })];
}
