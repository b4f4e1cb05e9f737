using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Expressions;
using Workflows.Engine.Forms;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Validation;

/// <summary>
/// Finds everything wrong with a definition before anyone runs it, each problem located in the file.
/// A definition with no errors can be compiled and executed; publishing requires it.
/// </summary>
public static class DefinitionValidator
{
    /// <param name="knownUnits">The unit directory, to check fixed step units; null skips that check.</param>
    public static ValidationReport Validate(ProcedureDefinition definition, IReadOnlySet<UnitId>? knownUnits = null)
    {
        var v = new Run(definition, knownUnits);
        v.CheckDuplicates();
        v.CheckSteps();
        v.CheckFieldWriters();
        v.CheckTransitions();
        if (v.StructureIsSound)
        {
            v.CheckGraph();
            v.CheckBudgets();
        }

        v.Problems.AddRange(Sla.SlaValidator.Validate(definition));
        v.Problems.AddRange(AssignmentValidator.Validate(definition));
        v.Problems.AddRange(TimeoutValidator.Validate(definition));
        v.Problems.AddRange(AutoFillValidator.Validate(definition));
        v.Problems.AddRange(Documents.DocumentValidator.Validate(definition));
        v.Problems.AddRange(Execution.Signatures.SigningValidator.Validate(definition));
        v.Problems.AddRange(Deadlines.DeadlineRuleValidator.Validate(definition));
        v.Problems.AddRange(CompetentUnitsValidator.Validate(definition, knownUnits));

        return new ValidationReport([.. v.Problems]);
    }

    /// <summary>The reserved role of the person who submitted the dossier (supplements, fee payment).</summary>
    public const string ApplicantRole = "applicant";

    private sealed class Run(ProcedureDefinition definition, IReadOnlySet<UnitId>? knownUnits)
    {
        private readonly Dictionary<StepId, (StepDefinition Step, int Index)> steps = [];
        private readonly ImmutableHashSet<string> roles = definition.Roles.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);

        // What a condition sees of each form field: dates are text until passed through date().
        private readonly Dictionary<string, ExpressionType> fieldTypes = definition.Form.Fields
            .DistinctBy(f => f.Key)
            .ToDictionary(f => f.Key, f => f.Type switch
            {
                FieldType.Number => ExpressionType.Number,
                FieldType.Boolean => ExpressionType.Boolean,
                _ => ExpressionType.Text,
            }, StringComparer.Ordinal);

        public List<ValidationProblem> Problems { get; } = [];

        /// <summary>Graph checks only make sense once every transition points at a real step.</summary>
        public bool StructureIsSound { get; private set; } = true;

        public void CheckDuplicates()
        {
            foreach (var (step, i) in definition.Steps.Select((s, i) => (s, i)))
            {
                if (!steps.TryAdd(step.Id, (step, i)))
                {
                    Error("duplicate-step-id", $"$.steps[{i}].id", $"Step id '{step.Id}' is used twice (first at $.steps[{steps[step.Id].Index}]); step ids must be unique.", step.Id);
                    StructureIsSound = false;
                }
            }

            Duplicates(definition.Roles.Select(r => r.Id), "duplicate-role-id", "$.roles", "Role id");
            Duplicates(definition.Form.Fields.Select(f => f.Key), "duplicate-field-key", "$.form.fields", "Field key");
        }

        public void CheckSteps()
        {
            foreach (var (role, i) in definition.Policies.StopRoles.Select((r, i) => (r, i)).Where(x => !roles.Contains(x.r)))
            {
                Error("unknown-role", $"$.policies.stopRoles[{i}]", $"Stop role '{role}' is not in $.roles.");
            }

            var starts = definition.Steps.Where(s => s.Kind == StepKind.Start).ToList();
            if (starts.Count != 1)
            {
                Error("start-count", "$.steps", starts.Count == 0
                    ? "The procedure has no start step; add one step of kind \"start\"."
                    : $"The procedure has {starts.Count} start steps ({string.Join(", ", starts.Select(s => s.Id))}); keep exactly one.");
                StructureIsSound = false;
            }

            if (!definition.Steps.Any(s => s.Kind == StepKind.End))
            {
                Error("no-end", "$.steps", "The procedure has no end step; add at least one step of kind \"end\".");
                StructureIsSound = false;
            }

            foreach (var (step, i) in definition.Steps.Select((s, i) => (s, i)))
            {
                CheckStep(step, $"$.steps[{i}]");
            }
        }

        private void CheckStep(StepDefinition step, string at)
        {
            if (step.Kind.IsHumanTask())
            {
                if (step.Role is null)
                {
                    Error("missing-role", at + ".role", $"Step '{step.Id}' is done by a person: set \"role\" to one of the procedure's roles.", step.Id);
                }
                else if (!roles.Contains(step.Role) && step.Role != ApplicantRole)
                {
                    Error("unknown-role", at + ".role", $"Step '{step.Id}' names role '{step.Role}', which is not in $.roles ({string.Join(", ", roles.Order(StringComparer.Ordinal))}).", step.Id);
                }

                if (step.Outcomes.IsEmpty)
                {
                    Error("no-outcomes", at + ".outcomes", $"Step '{step.Id}' needs at least one outcome the person can choose (e.g. \"done\").", step.Id);
                }

                foreach (var duplicate in step.Outcomes.GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    Error("duplicate-outcome", at + ".outcomes", $"Step '{step.Id}' lists outcome '{duplicate.Key}' twice.", step.Id);
                }
            }
            else
            {
                if (step.Role is not null || !step.Outcomes.IsEmpty)
                {
                    Error("not-a-person-step", at, $"Step '{step.Id}' is a {KebabCase.Name(step.Kind)} step, which no person completes: remove its role and outcomes.", step.Id);
                }

                if (step.Budget is not null && step.Kind is not StepKind.Timer)
                {
                    Warning("budget-ignored", at + ".budget", $"Step '{step.Id}' is passed through at once, so its budget is never used.", step.Id);
                }
            }

            if (step.Unit is { } unit && knownUnits is not null && !knownUnits.Contains(unit))
            {
                Error("unknown-unit", at + ".unit", $"Step '{step.Id}' is assigned to unit '{unit}', which is not in the unit directory.", step.Id);
            }

            if (step.Kind == StepKind.Timer && step.Wait is null)
            {
                Error("timer-without-wait", at + ".wait", $"Timer step '{step.Id}' needs \"wait\", e.g. \"2d\" or \"4h\".", step.Id);
            }

            if (step.Kind == StepKind.Automatic)
            {
                CheckAssignments(step, at);
            }

            if (step.Kind == StepKind.End && step.Status is { } final && !DossierStatusRules.IsFinal(final))
            {
                Error("end-status-not-final", at + ".status", $"End step '{step.Id}' sets status '{KebabCase.Name(final)}', which is not final; use returned, refused, withdrawn or stopped.", step.Id);
            }

            if (step.Numbering is { } numbering)
            {
                CheckNumbering(step, numbering, at + ".numbering");
            }

            CheckFieldList(step, step.Fields, at + ".fields");
            CheckFieldList(step, step.RequiredFields, at + ".requiredFields");
            CheckWritable(step, at);
        }

        /// <summary>A step writes only the fields it lists, and never a field the system assigns.</summary>
        private void CheckWritable(StepDefinition step, string at)
        {
            foreach (var key in step.Fields.Where(k => definition.Form.Find(k)?.WrittenBy == FieldWriter.System))
            {
                Error("system-field-in-step", at + ".fields", $"Step '{step.Id}' lists field '{key}', which only the system writes (a register number); remove it from the step's fields.", step.Id);
            }

            foreach (var key in step.RequiredFields.Where(k => definition.Form.Find(k) is not null && !step.Fields.Contains(k)))
            {
                Error("required-field-not-written", at + ".requiredFields", $"Step '{step.Id}' requires field '{key}' but does not list it in its fields, so nobody at this step could write it; add it to \"fields\".", step.Id);
            }

            foreach (var key in step.Assignments.Keys.Where(k => definition.Form.Find(k)?.WrittenBy == FieldWriter.System))
            {
                Error("system-field-in-step", $"{at}.set.{key}", $"Automatic step '{step.Id}' sets field '{key}', which only the system's register writes; compute another field.", step.Id);
            }
        }

        public void CheckFieldWriters()
        {
            foreach (var (field, i) in definition.Form.Fields.Select((f, i) => (f, i)))
            {
                var at = $"$.form.fields[{i}]";
                if (field.Required && field.WrittenBy != FieldWriter.Applicant)
                {
                    Error("required-field-not-applicant", at + ".required", $"Field '{field.Key}' is required at submission but written by {KebabCase.Name(field.WrittenBy)}, not the applicant; make it an applicant field or require it at the step that writes it (\"requiredFields\").");
                }

                if (field.WrittenBy == FieldWriter.Steps && !definition.Steps.Any(s => s.Fields.Contains(field.Key)))
                {
                    Error("field-without-writer", at + ".writtenBy", $"Field '{field.Key}' is written by steps, but no step lists it in its fields; list it on the step that fills it in, or make it an applicant field.");
                }

                if (field.WrittenBy == FieldWriter.System && !definition.Steps.Any(s => s.Numbering?.Field == field.Key))
                {
                    Error("field-without-writer", at + ".writtenBy", $"Field '{field.Key}' is written by the system, but no step numbers into it; name it in a step's \"numbering\" or choose another writer.");
                }
            }
        }

        private void CheckAssignments(StepDefinition step, string at)
        {
            if (step.Assignments.IsEmpty)
            {
                Error("automatic-without-set", at + ".set", $"Automatic step '{step.Id}' sets nothing: add \"set\": {{ \"field\": \"expression\" }}.", step.Id);
            }

            foreach (var (field, expression) in step.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (definition.Form.Find(field) is null)
                {
                    Error("unknown-field", $"{at}.set.{field}", $"Automatic step '{step.Id}' sets field '{field}', which is not on the form.", step.Id);
                }

                CheckExpression(expression, $"{at}.set.{field}", step.Id.Value);
            }
        }

        private void CheckNumbering(StepDefinition step, NumberingRule rule, string at)
        {
            if (!step.Kind.IsHumanTask())
            {
                Error("numbering-not-allowed", at, $"Only a person's step assigns register numbers; '{step.Id}' is a {KebabCase.Name(step.Kind)} step.", step.Id);
            }

            if (!Identity.Slug.IsValid(rule.Register))
            {
                Error("invalid-register", at + ".register", Identity.Slug.Describe(rule.Register, "register"), step.Id);
            }

            if (definition.Form.Find(rule.Field) is not { } field)
            {
                Error("unknown-field", at + ".field", $"Step '{step.Id}' numbers into field '{rule.Field}', which is not on the form.", step.Id);
            }
            else if (field.Type != FieldType.Text)
            {
                Error("numbering-field-type", at + ".field", $"Field '{rule.Field}' receives a register number, so it must be a text field.", step.Id);
            }
            else if (field.WrittenBy != FieldWriter.System)
            {
                Error("numbering-field-writer", at + ".field", $"Field '{rule.Field}' receives a number from the '{rule.Register}' register, so only the system may write it: set its \"writtenBy\" to \"system\".", step.Id);
            }

            foreach (var outcome in rule.Outcomes.Where(o => !step.Outcomes.Contains(o)))
            {
                Error("unknown-outcome", at + ".on", $"Numbering on outcome '{outcome}', which step '{step.Id}' does not offer ({string.Join(", ", step.Outcomes)}).", step.Id);
            }

            if (!rule.Format.Contains("{seq", StringComparison.Ordinal))
            {
                Error("numbering-format", at + ".format", $"The number format \"{rule.Format}\" must contain {{seq}} (e.g. \"{{seq:000}}/{{year}}/TN\").", step.Id);
            }
        }

        private void CheckFieldList(StepDefinition step, ImmutableArray<string> keys, string at)
        {
            foreach (var key in keys.Where(k => definition.Form.Find(k) is null))
            {
                Error("unknown-field", at, $"Step '{step.Id}' names field '{key}', which is not on the form.", step.Id);
            }
        }

        public void CheckTransitions()
        {
            foreach (var (t, i) in definition.Transitions.Select((t, i) => (t, i)))
            {
                var at = $"$.transitions[{i}]";
                var fromKnown = steps.TryGetValue(t.From, out var from);
                if (!fromKnown)
                {
                    Error("unknown-step", at + ".from", $"Transition from '{t.From}': there is no step with that id.");
                    StructureIsSound = false;
                }

                if (!steps.TryGetValue(t.To, out var to))
                {
                    Error("unknown-step", at + ".to", $"Transition to '{t.To}': there is no step with that id.");
                    StructureIsSound = false;
                }
                else if (to.Step.Kind == StepKind.Start)
                {
                    Error("into-start", at + ".to", $"Transition from '{t.From}' leads back into the start step; route rework to a task instead.", t.From.Value);
                }

                if (fromKnown)
                {
                    CheckTransitionShape(from.Step, t, at);
                }
            }

            foreach (var step in definition.Steps)
            {
                if (steps.TryGetValue(step.Id, out var entry) && entry.Step == step)
                {
                    CheckOutgoing(step, $"$.steps[{entry.Index}]");
                }
            }
        }

        private void CheckTransitionShape(StepDefinition from, TransitionDefinition t, string at)
        {
            if (from.Kind.IsHumanTask())
            {
                if (t.Outcome is null)
                {
                    Error("transition-without-outcome", at + ".outcome", $"The transition from '{from.Id}' to '{t.To}' must name which outcome of '{from.Id}' it follows ({string.Join(", ", from.Outcomes)}).", from.Id.Value);
                }
                else if (!from.Outcomes.Contains(t.Outcome))
                {
                    Error("unknown-outcome", at + ".outcome", $"Step '{from.Id}' has no outcome '{t.Outcome}' ({string.Join(", ", from.Outcomes)}).", from.Id.Value);
                }
            }
            else if (t.Outcome is not null)
            {
                Error("outcome-not-allowed", at + ".outcome", $"Step '{from.Id}' is not done by a person, so its transitions cannot name an outcome.", from.Id.Value);
            }

            if (from.Kind == StepKind.Gateway)
            {
                if (t.Condition is not null && t.IsDefault)
                {
                    Error("default-with-condition", at, $"The default branch of gateway '{from.Id}' (to '{t.To}') must not have a condition.", from.Id.Value);
                }
                else if (t.Condition is null && !t.IsDefault)
                {
                    Error("branch-without-condition", at + ".condition", $"Branch from gateway '{from.Id}' to '{t.To}' needs a condition, or mark it \"default\": true.", from.Id.Value);
                }
                else if (t.Condition is not null)
                {
                    CheckExpression(t.Condition, at + ".condition", from.Id.Value);
                }
            }
            else if (t.Condition is not null || t.IsDefault)
            {
                Error("condition-not-allowed", at, $"Only gateways choose branches by condition; remove the condition/default from the transition '{from.Id}' → '{t.To}', or put a gateway in between.", from.Id.Value);
            }
        }

        private void CheckOutgoing(StepDefinition step, string at)
        {
            var outgoing = definition.Transitions.Where(t => t.From == step.Id).ToList();
            var incoming = definition.Transitions.Count(t => t.To == step.Id);
            switch (step.Kind)
            {
                case StepKind.End when outgoing.Count > 0:
                    Error("end-has-exit", at, $"End step '{step.Id}' has outgoing transitions; an end step ends the dossier.", step.Id.Value);
                    break;
                case StepKind.Start or StepKind.Timer or StepKind.Automatic or StepKind.ParallelJoin when outgoing.Count != 1:
                    Error("needs-one-exit", at, $"Step '{step.Id}' ({KebabCase.Name(step.Kind)}) must have exactly one outgoing transition; it has {outgoing.Count}.", step.Id.Value);
                    break;
                case StepKind.ParallelSplit when outgoing.Count < 2:
                    Error("split-needs-branches", at, $"Parallel split '{step.Id}' must start at least two branches; it has {outgoing.Count}.", step.Id.Value);
                    break;
                case StepKind.Gateway:
                    var defaults = outgoing.Count(t => t.IsDefault);
                    if (defaults != 1)
                    {
                        Error(defaults == 0 ? "gateway-without-default" : "gateway-defaults", at, defaults == 0
                            ? $"Gateway '{step.Id}' has no default branch: mark one outgoing transition \"default\": true so every dossier can continue."
                            : $"Gateway '{step.Id}' has {defaults} default branches; keep exactly one.", step.Id.Value);
                    }

                    break;
            }

            if (step.Kind == StepKind.ParallelJoin && incoming < 2)
            {
                Error("join-needs-branches", at, $"Parallel join '{step.Id}' must have at least two incoming branches; it has {incoming}.", step.Id.Value);
            }

            if (step.Kind.IsHumanTask())
            {
                foreach (var outcome in step.Outcomes)
                {
                    var count = outgoing.Count(t => t.Outcome == outcome);
                    if (count != 1)
                    {
                        Error(count == 0 ? "outcome-without-transition" : "outcome-ambiguous", at + ".outcomes", count == 0
                            ? $"Outcome '{outcome}' of step '{step.Id}' leads nowhere: add a transition from '{step.Id}' with \"outcome\": \"{outcome}\"."
                            : $"Outcome '{outcome}' of step '{step.Id}' has {count} transitions; keep one (use a gateway or a parallel split to branch).", step.Id.Value);
                    }
                }
            }
        }

        public void CheckGraph()
        {
            var start = definition.Steps.Single(s => s.Kind == StepKind.Start).Id;
            var forward = definition.Transitions.ToLookup(t => t.From, t => t.To);
            var backward = definition.Transitions.ToLookup(t => t.To, t => t.From);

            var reachable = Reach([start], forward);
            var canFinish = Reach(definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Id), backward);

            foreach (var step in definition.Steps)
            {
                var at = $"$.steps[{steps[step.Id].Index}]";
                if (!reachable.Contains(step.Id))
                {
                    Error("unreachable-step", at, $"Step '{step.Id}' can never be reached from the start; connect it or delete it.", step.Id.Value);
                }
                else if (!canFinish.Contains(step.Id))
                {
                    var loops = Reach(forward[step.Id], forward).Contains(step.Id);
                    Error(loops ? "cycle-without-exit" : "no-path-to-end", at, loops
                        ? $"Step '{step.Id}' is in a loop with no way out to an end step; add an outcome or branch that leaves the loop."
                        : $"No path leads from step '{step.Id}' to an end step; every dossier must be able to finish.", step.Id.Value);
                }
            }
        }

        /// <summary>
        /// The longest budget along any route from start to end (loops counted once, parallel branches as
        /// alternatives since they run at the same time) must fit in the legal deadline.
        /// </summary>
        public void CheckBudgets()
        {
            if (definition.Deadline is not { } shortest)
            {
                return;
            }

            // Routes that only some dossiers take (verification) may need the longest deadline a rule allows.
            const decimal hoursPerDay = 8m;
            var deadline = definition.DeadlineRules.Select(r => r.Deadline).Append(shortest).MaxBy(d => d.ToWorkingHours(hoursPerDay));
            var limit = deadline.ToWorkingHours(hoursPerDay);
            var (longest, route) = LongestBudgetRoute(hoursPerDay);
            if (longest > limit)
            {
                Error("budget-exceeds-deadline", "$.deadline", string.Create(CultureInfo.InvariantCulture,
                    $"Step budgets along {string.Join(" → ", route)} add up to {longest / hoursPerDay:0.##} working days, more than the deadline {deadline}. Shorten the budgets or lengthen the deadline."));
            }
        }

        private (decimal Hours, List<StepId> Route) LongestBudgetRoute(decimal hoursPerDay)
        {
            var start = definition.Steps.Single(s => s.Kind == StepKind.Start).Id;
            var forward = definition.Transitions.ToLookup(t => t.From, t => t.To);

            // Drop back edges (found by depth-first search from the start) so the graph is acyclic.
            var order = new List<StepId>();
            var state = new Dictionary<StepId, int>();
            var acyclic = new Dictionary<StepId, List<StepId>>();
            var stack = new Stack<(StepId Node, IEnumerator<StepId> Next)>();
            state[start] = 1;
            stack.Push((start, forward[start].Distinct().GetEnumerator()));
            acyclic[start] = [];
            while (stack.Count > 0)
            {
                var (node, next) = stack.Peek();
                if (next.MoveNext())
                {
                    var child = next.Current;
                    var seen = state.GetValueOrDefault(child);
                    if (seen == 1)
                    {
                        continue; // back edge: a rework loop
                    }

                    acyclic[node].Add(child);
                    if (seen == 0)
                    {
                        state[child] = 1;
                        acyclic[child] = [];
                        stack.Push((child, forward[child].Distinct().GetEnumerator()));
                    }
                }
                else
                {
                    next.Dispose();
                    state[node] = 2;
                    order.Add(node);
                    stack.Pop();
                }
            }

            // Post-order is a reverse topological order: every successor is finished before its predecessor.
            var best = new Dictionary<StepId, (decimal Hours, StepId? Next)>();
            foreach (var node in order)
            {
                var own = steps[node].Step.Budget?.ToWorkingHours(hoursPerDay) ?? 0m;
                var pick = acyclic[node].Select(c => (c, best[c].Hours)).DefaultIfEmpty((default(StepId), 0m)).MaxBy(x => x.Item2);
                best[node] = (own + pick.Item2, acyclic[node].Count == 0 ? null : pick.Item1);
            }

            var route = new List<StepId>();
            for (StepId? at = start; at is { } n; at = best[n].Next)
            {
                route.Add(n);
            }

            return (best[start].Hours, route);
        }

        private void CheckExpression(string text, string at, string? step)
        {
            var parsed = Expression.Parse(text);
            if (!parsed.Succeeded)
            {
                foreach (var e in parsed.Errors)
                {
                    Error("invalid-expression", at, $"\"{text}\" at character {e.Position + 1}: {e.Message}", step);
                }

                return;
            }

            foreach (var e in parsed.Expression!.CheckFields(fieldTypes))
            {
                Error(e.Message.StartsWith("Unknown field", StringComparison.Ordinal) ? "unknown-field" : "expression-type", at, $"\"{text}\" at character {e.Position + 1}: {e.Message}", step);
            }
        }

        private static HashSet<StepId> Reach(IEnumerable<StepId> from, ILookup<StepId, StepId> edges)
        {
            var seen = new HashSet<StepId>();
            var queue = new Queue<StepId>(from);
            while (queue.TryDequeue(out var step))
            {
                if (seen.Add(step))
                {
                    foreach (var next in edges[step])
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return seen;
        }

        private void Duplicates(IEnumerable<string> keys, string code, string at, string what)
        {
            foreach (var group in keys.Select((k, i) => (k, i)).GroupBy(x => x.k, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var second = group.Skip(1).First().i;
                Error(code, $"{at}[{second}]", $"{what} '{group.Key}' is used more than once; it must be unique.");
            }
        }

        private void Error(string code, string at, string message, string? step = null) =>
            Problems.Add(new ValidationProblem(code, at, message) { Step = step });

        private void Error(string code, string at, string message, StepId step) => Error(code, at, message, step.Value);

        private void Warning(string code, string at, string message, StepId step) =>
            Problems.Add(new ValidationProblem(code, at, message) { Step = step.Value, Severity = ProblemSeverity.Warning });
    }
}
