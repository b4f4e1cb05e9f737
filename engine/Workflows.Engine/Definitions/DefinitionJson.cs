using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflows.Engine.Calendar;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Forms;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Definitions;

/// <summary>Result of reading a definition file: the definition, or every located problem that prevented it.</summary>
public sealed record DefinitionParseResult(ProcedureDefinition? Definition, ImmutableArray<ValidationProblem> Problems);

/// <summary>Reads and writes the definition file format (procedures/&lt;id&gt;/definition.json).</summary>
public static class DefinitionJson
{
    /// <summary>Beyond this a definition is not a procedure any analyst could read; refuse it early.</summary>
    public const int MaxSteps = 500;
    public const int MaxTransitions = 2000;
    public const int MaxFields = 500;

    private static readonly JsonSerializerOptions DocumentOptions = new(WorkflowJson.Indented)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static DefinitionParseResult Parse(string json)
    {
        DefinitionDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DefinitionDocument>(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.Path ?? "$";
            var line = e.LineNumber is { } l ? $" (line {l + 1}, position {e.BytePositionInLine + 1})" : "";
            return Fail(new ValidationProblem("malformed-json", where, $"The file is not a valid definition{line}: {FirstSentence(e.Message)}"));
        }

        if (document is null)
        {
            return Fail(new ValidationProblem("malformed-json", "$", "The file is empty or null; expected a JSON object with id, name, steps and transitions."));
        }

        var nulls = NullListEntries(json);
        return nulls.IsEmpty ? FromDocument(document) : new(null, nulls);
    }

    /// <summary>
    /// A null inside a list (a step, a role, an outcome…) or as a value of a map (auto-fill, set) means nothing and
    /// would reach the mapper as a missing object; say where it is instead.
    /// </summary>
    private static ImmutableArray<ValidationProblem> NullListEntries(string json)
    {
        using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var problems = ImmutableArray.CreateBuilder<ValidationProblem>();
        Visit(parsed.RootElement, "$", insideMap: false);
        return problems.ToImmutable();

        void Visit(JsonElement element, string at, bool insideMap)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        var itemAt = string.Create(CultureInfo.InvariantCulture, $"{at}[{i++}]");
                        if (item.ValueKind == JsonValueKind.Null)
                        {
                            problems.Add(new ValidationProblem("null-entry", itemAt, $"The list at {at} has a null entry; remove it or write the value."));
                        }

                        Visit(item, itemAt, insideMap: false);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var member in element.EnumerateObject())
                    {
                        var memberAt = $"{at}.{member.Name}";
                        if (insideMap && member.Value.ValueKind == JsonValueKind.Null)
                        {
                            problems.Add(new ValidationProblem("null-entry", memberAt, $"\"{member.Name}\" has no value; remove it or write the value."));
                        }

                        Visit(member.Value, memberAt, insideMap: member.Name is "fills" or "set");
                    }

                    break;
            }
        }
    }

    public static DefinitionParseResult FromDocument(DefinitionDocument document) => new DefinitionMapper().Map(document);

    public static string Serialize(ProcedureDefinition definition) =>
        JsonSerializer.Serialize(ToDocument(definition), DocumentOptions);

    public static DefinitionDocument ToDocument(ProcedureDefinition d) => new()
    {
        Id = d.Id.Value,
        Version = d.Version,
        Name = d.Name,
        Description = d.Description,
        Deadline = d.Deadline?.ToString(),
        DeadlineRules = Engine.Deadlines.DeadlineRulesJson.ToDocuments(d.DeadlineRules),
        Roles = [.. d.Roles.Select(r => new RoleDocument(r.Id, r.Name))],
        Form = new FormDocument
        {
            Fields = [.. d.Form.Fields.Select(f => new FieldDocument
            {
                Key = f.Key,
                Label = f.Label,
                Type = KebabCase.Name(f.Type),
                Required = f.Required,
                Options = f.Options.IsEmpty ? null : [.. f.Options],
                MaxLength = f.MaxLength == new FormField("x", "x", FieldType.Text).MaxLength ? null : f.MaxLength,
                WrittenBy = KebabCase.Name(f.WrittenBy),
                AutoFill = f.AutoFill is { } fill ? new AutoFillDocument
                {
                    Source = KebabCase.Name(fill.Source),
                    Fills = fill.Fills.ToDictionary(p => p.Key, p => KebabCase.Name(p.Value), StringComparer.Ordinal),
                } : null,
            })],
        },
        Steps = [.. d.Steps.Select(s => new StepDocument
        {
            Id = s.Id.Value,
            Kind = KebabCase.Name(s.Kind),
            Name = s.Name,
            Description = s.Description,
            Role = s.Role,
            Unit = s.Unit?.Value,
            Budget = s.Budget?.ToString(),
            Outcomes = s.Outcomes.IsEmpty ? null : [.. s.Outcomes],
            Status = s.Status is { } status ? KebabCase.Name(status) : null,
            Fields = s.Fields.IsEmpty ? null : [.. s.Fields],
            RequiredFields = s.RequiredFields.IsEmpty ? null : [.. s.RequiredFields],
            Wait = s.Wait?.ToString(),
            Set = s.Assignments.IsEmpty ? null : s.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(),
            Numbering = s.Numbering is { } n ? new NumberingDocument
            {
                Register = n.Register,
                Field = n.Field,
                On = n.Outcomes.IsEmpty ? null : [.. n.Outcomes],
                Format = n.Format == NumberingRule.DefaultFormat ? null : n.Format,
            } : null,
            AssignTo = s.AssignTo,
            Assignment = s.Assignment is { } rule ? KebabCase.Name(rule) : null,
            Timeout = s.Timeout is { } timeout ? new TimeoutDocument { After = timeout.After?.ToString(), Outcome = timeout.Outcome } : null,
            RequireDocuments = s.RequireDocumentsOn.IsEmpty ? null : [.. s.RequireDocumentsOn],
            SignOn = s.SignOn.IsDefaultOrEmpty ? null : [.. s.SignOn],
            Fee = s.Fee is { } fee ? new FeeDocument { Amount = fee.Amount, Currency = StepFee.Currency, Note = fee.Note } : null,
            Template = s.Template is { } template ? new TemplateDocument { Id = template.Id, Name = template.Name } : null,
        })],
        Policies = d.Policies == ProcedurePolicies.Default ? null : new PoliciesDocument
        {
            StopRoles = d.Policies.StopRoles.IsEmpty ? null : [.. d.Policies.StopRoles],
            ClockOnResume = d.Policies.ClockOnResume == ClockResumption.Continue ? null : KebabCase.Name(d.Policies.ClockOnResume),
            SupplementWindow = d.Policies.SupplementWindow?.ToString(),
        },
        Sla = Engine.Sla.SlaJson.ToSlaDocument(d.Sla),
        Escalation = Engine.Sla.SlaJson.ToEscalationDocuments(d.Sla),
        Documents = Engine.Documents.DocumentsJson.ToDocuments(d.Documents),
        CompetentUnits = CompetentUnitsJson.ToDocument(d.CompetentUnits),
        Transitions = [.. d.Transitions.Select(t => new TransitionDocument
        {
            From = t.From.Value,
            To = t.To.Value,
            Outcome = t.Outcome,
            Condition = t.Condition,
            Default = t.IsDefault,
        })],
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static DefinitionParseResult Fail(ValidationProblem problem) => new(null, [problem]);

    /// <summary>Turns the loose document into the domain model, collecting every problem rather than the first.</summary>
    private sealed class DefinitionMapper
    {
        private readonly List<ValidationProblem> problems = [];

        public DefinitionParseResult Map(DefinitionDocument doc)
        {
            if (!ProcedureId.TryParse(doc.Id, out var id))
            {
                Problem("invalid-id", "$.id", doc.Id is null ? "The procedure needs an \"id\", e.g. \"birth-registration\"." : Slug.Describe(doc.Id, "procedure"));
            }

            if (string.IsNullOrWhiteSpace(doc.Name))
            {
                Problem("missing-name", "$.name", "The procedure needs a \"name\" people recognise, e.g. \"Đăng ký khai sinh\".");
            }

            if (doc.Version is < 0)
            {
                Problem("invalid-version", "$.version", "The version cannot be negative; omit it and the server numbers versions itself.");
            }

            var deadline = Duration(doc.Deadline, "$.deadline", required: false);
            var steps = doc.Steps ?? [];
            var transitions = doc.Transitions ?? [];
            var fields = doc.Form?.Fields ?? [];
            Limit(steps.Count, MaxSteps, "$.steps", "steps");
            Limit(transitions.Count, MaxTransitions, "$.transitions", "transitions");
            Limit(fields.Count, MaxFields, "$.form.fields", "form fields");
            if (problems.Count > 0 && (steps.Count > MaxSteps || transitions.Count > MaxTransitions || fields.Count > MaxFields))
            {
                return new(null, [.. problems]);
            }

            var roles = (doc.Roles ?? []).Select((r, i) => MapRole(r, $"$.roles[{i}]")).OfType<RoleDefinition>().ToImmutableArray();
            var mappedSteps = steps.Select((s, i) => MapStep(s, $"$.steps[{i}]")).OfType<StepDefinition>().ToImmutableArray();
            var form = new FormSchema([.. fields.Select((f, i) => MapField(f, $"$.form.fields[{i}]", mappedSteps)).OfType<FormField>()]);
            var mappedTransitions = transitions.Select((t, i) => MapTransition(t, $"$.transitions[{i}]")).OfType<TransitionDefinition>().ToImmutableArray();
            var policies = MapPolicies(doc.Policies);
            var sla = Engine.Sla.SlaJson.Map(doc.Sla, doc.Escalation, (code, at, message) => Problem(code, at, message));
            var documents = Engine.Documents.DocumentsJson.Map(doc.Documents, (code, at, message) => Problem(code, at, message));
            var deadlineRules = Engine.Deadlines.DeadlineRulesJson.Map(doc.DeadlineRules, (code, at, message) => Problem(code, at, message));
            var competentUnits = CompetentUnitsJson.Map(doc.CompetentUnits, (code, at, message) => Problem(code, at, message));

            if (problems.Count > 0)
            {
                return new(null, [.. problems]);
            }

            var definition = new ProcedureDefinition(id, doc.Version ?? 0, doc.Name!.Trim())
            {
                Description = doc.Description,
                Deadline = deadline,
                DeadlineRules = deadlineRules,
                Roles = roles,
                Form = form,
                Steps = mappedSteps,
                Transitions = mappedTransitions,
                Policies = policies,
                Sla = sla,
                Documents = documents,
                CompetentUnits = competentUnits,
            };
            return new(definition, []);
        }

        private ProcedurePolicies MapPolicies(PoliciesDocument? doc)
        {
            if (doc is null)
            {
                return ProcedurePolicies.Default;
            }

            var resume = ClockResumption.Continue;
            if (doc.ClockOnResume is not null && !KebabCase.TryParse(doc.ClockOnResume, out resume))
            {
                Problem("unknown-clock-policy", "$.policies.clockOnResume", $"Unknown clock policy \"{doc.ClockOnResume}\"; use \"continue\" (the remaining time continues) or \"restart\" (the full deadline starts again).");
            }

            var window = Duration(doc.SupplementWindow, "$.policies.supplementWindow", required: false);
            return new ProcedurePolicies { StopRoles = [.. doc.StopRoles ?? []], ClockOnResume = resume, SupplementWindow = window };
        }

        private RoleDefinition? MapRole(RoleDocument role, string at)
        {
            if (!Slug.IsValid(role.Id))
            {
                Problem("invalid-role-id", at + ".id", Slug.Describe(role.Id, "role"));
                return null;
            }

            return new RoleDefinition(role.Id!, string.IsNullOrWhiteSpace(role.Name) ? role.Id! : role.Name);
        }

        private FormField? MapField(FieldDocument field, string at, ImmutableArray<StepDefinition> steps)
        {
            var ok = true;
            var writer = DerivedWriter(field.Key, steps);
            if (field.WrittenBy is not null && !KebabCase.TryParse(field.WrittenBy, out writer))
            {
                Problem("unknown-field-writer", at + ".writtenBy", $"Unknown writer \"{field.WrittenBy}\"; use one of: {KebabCase.List<FieldWriter>()} (who may write this field).");
                ok = false;
            }

            if (field.Key is null || !IsFieldKey(field.Key))
            {
                Problem("invalid-field-key", at + ".key", $"\"{field.Key}\" is not a valid field key: start with a letter, then letters, digits or underscores (e.g. \"childName\").");
                ok = false;
            }

            if (!KebabCase.TryParse<FieldType>(field.Type, out var type))
            {
                Problem("unknown-field-type", at + ".type", $"Unknown field type \"{field.Type}\"; use one of: {KebabCase.List<FieldType>()}.");
                ok = false;
            }

            if (field.MaxLength is <= 0)
            {
                Problem("invalid-max-length", at + ".maxLength", "maxLength must be a positive number of characters.");
                ok = false;
            }

            var autoFill = MapAutoFill(field.AutoFill, at + ".autoFill");
            if (!ok || (field.AutoFill is not null && autoFill is null))
            {
                return null;
            }

            var result = new FormField(field.Key!, string.IsNullOrWhiteSpace(field.Label) ? field.Key! : field.Label, type)
            {
                Required = field.Required,
                Options = [.. field.Options ?? []],
                AutoFill = autoFill,
                WrittenBy = writer,
            };
            return field.MaxLength is { } max ? result with { MaxLength = max } : result;
        }

        /// <summary>The writer of a field whose definition does not say: the safest reading of the steps.</summary>
        private static FieldWriter DerivedWriter(string? key, ImmutableArray<StepDefinition> steps)
        {
            if (steps.Any(s => s.Numbering?.Field == key))
            {
                return FieldWriter.System;
            }

            return steps.Any(s => s.Fields.Contains(key!)) ? FieldWriter.Steps : FieldWriter.Applicant;
        }

        private RegistryAutoFill? MapAutoFill(AutoFillDocument? doc, string at)
        {
            if (doc is null)
            {
                return null;
            }

            var ok = true;
            if (!KebabCase.TryParse<AutoFillSource>(doc.Source, out var source))
            {
                Problem("unknown-autofill-source", at + ".source", $"Unknown auto-fill source \"{doc.Source}\"; use one of: {KebabCase.List<AutoFillSource>()}.");
                ok = false;
            }

            var fills = ImmutableSortedDictionary.CreateBuilder<string, RegistryDatum>(StringComparer.Ordinal);
            foreach (var (key, attribute) in doc.Fills ?? [])
            {
                if (KebabCase.TryParse<RegistryDatum>(attribute, out var parsed))
                {
                    fills[key] = parsed;
                }
                else
                {
                    Problem("unknown-registry-attribute", $"{at}.fills.{key}", $"The population registry has no attribute \"{attribute}\"; use one of: {KebabCase.List<RegistryDatum>()}.");
                    ok = false;
                }
            }

            if (fills.Count == 0 && ok)
            {
                Problem("empty-autofill", at + ".fills", "An auto-fill names no fields to fill; add at least one (e.g. \"declarantName\": \"full-name\") or remove \"autoFill\".");
                ok = false;
            }

            return ok ? new RegistryAutoFill(source, fills.ToImmutable()) : null;
        }

        private StepDefinition? MapStep(StepDocument step, string at)
        {
            var problemsBefore = problems.Count;
            if (!Slug.IsValid(step.Id))
            {
                Problem("invalid-step-id", at + ".id", step.Id is null ? "Every step needs an \"id\"." : Slug.Describe(step.Id, "step"), step.Id);
            }

            if (!KebabCase.TryParse<StepKind>(step.Kind, out var kind))
            {
                Problem("unknown-step-kind", at + ".kind", $"Unknown step kind \"{step.Kind}\"; use one of: {KebabCase.List<StepKind>()}.", step.Id);
            }

            DossierStatus? status = null;
            if (step.Status is not null)
            {
                if (KebabCase.TryParse<DossierStatus>(step.Status, out var s))
                {
                    status = s;
                }
                else
                {
                    Problem("unknown-status", at + ".status", $"Unknown dossier status \"{step.Status}\"; use one of: {KebabCase.List<DossierStatus>()}.", step.Id);
                    }
            }

            UnitId? unit = null;
            if (step.Unit is not null)
            {
                if (UnitId.TryParse(step.Unit, out var u))
                {
                    unit = u;
                }
                else
                {
                    Problem("invalid-unit-id", at + ".unit", Slug.Describe(step.Unit, "unit"), step.Id);
                    }
            }

            var budget = Duration(step.Budget, at + ".budget", required: false, step.Id);
            var wait = Duration(step.Wait, at + ".wait", required: false, step.Id);
            Execution.AssignmentRule? assignment = null;
            if (step.Assignment is not null)
            {
                if (KebabCase.TryParse<Execution.AssignmentRule>(step.Assignment, out var rule))
                {
                    assignment = rule;
                }
                else
                {
                    Problem("unknown-assignment-rule", at + ".assignment", $"Unknown assignment rule \"{step.Assignment}\"; use one of: {KebabCase.List<Execution.AssignmentRule>()}.", step.Id);
                }
            }

            var timeoutAfter = Duration(step.Timeout?.After, at + ".timeout.after", required: false, step.Id);
            if (step.Fee is { } f)
            {
                if (f.Amount is not { } feeAmount || feeAmount < 0 || feeAmount != decimal.Truncate(feeAmount) || feeAmount > 1_000_000_000_000m)
                {
                    Problem("invalid-fee", at + ".fee.amount", $"Step '{step.Id}': a fee is a whole number of đồng from 0 up, e.g. 200000.", step.Id);
                }

                if (f.Currency is not (null or StepFee.Currency))
                {
                    Problem("invalid-fee", at + ".fee.currency", $"Step '{step.Id}': fees are in \"{StepFee.Currency}\"; '{f.Currency}' is not accepted.", step.Id);
                }
            }

            if (step.Template is { } tpl && !Slug.IsValid(tpl.Id))
            {
                Problem("invalid-template", at + ".template.id", tpl.Id is null ? $"Step '{step.Id}': a template needs an \"id\"." : Slug.Describe(tpl.Id, "template"), step.Id);
            }

            if (step.Timeout is { } t && string.IsNullOrWhiteSpace(t.Outcome))
            {
                Problem("timeout-without-outcome", at + ".timeout.outcome", $"Step '{step.Id}' times out but names no \"outcome\" to close with, e.g. \"no-answer\".", step.Id);
            }

            if (problems.Count > problemsBefore)
            {
                return null;
            }

            return new StepDefinition(new StepId(step.Id!), kind, string.IsNullOrWhiteSpace(step.Name) ? step.Id! : step.Name)
            {
                Description = step.Description,
                Role = step.Role,
                Unit = unit,
                Budget = budget,
                Outcomes = [.. step.Outcomes ?? []],
                Status = status,
                Fields = [.. step.Fields ?? []],
                RequiredFields = [.. step.RequiredFields ?? []],
                Wait = wait,
                Assignments = (step.Set ?? []).ToImmutableDictionary(StringComparer.Ordinal),
                RequireDocumentsOn = [.. step.RequireDocuments ?? []],
                Numbering = step.Numbering is { } n
                    ? new NumberingRule(n.Register ?? "", n.Field ?? "", [.. n.On ?? []], string.IsNullOrWhiteSpace(n.Format) ? NumberingRule.DefaultFormat : n.Format)
                    : null,
                AssignTo = string.IsNullOrWhiteSpace(step.AssignTo) ? null : step.AssignTo,
                Assignment = assignment,
                Timeout = step.Timeout is { } timeout ? new StepTimeout(timeoutAfter, timeout.Outcome!) : null,
                SignOn = [.. step.SignOn ?? []],
                Fee = step.Fee is { Amount: { } feeValue } ? new StepFee((long)feeValue) { Note = string.IsNullOrWhiteSpace(step.Fee.Note) ? null : step.Fee.Note } : null,
                Template = step.Template is { Id: { } templateId } ? new ResultTemplate(templateId) { Name = step.Template.Name } : null,
            };
        }

        private TransitionDefinition? MapTransition(TransitionDocument t, string at)
        {
            var ok = true;
            if (!Slug.IsValid(t.From))
            {
                Problem("invalid-transition", at + ".from", t.From is null ? "A transition needs \"from\" (a step id)." : Slug.Describe(t.From, "step"));
                ok = false;
            }

            if (!Slug.IsValid(t.To))
            {
                Problem("invalid-transition", at + ".to", t.To is null ? "A transition needs \"to\" (a step id)." : Slug.Describe(t.To, "step"));
                ok = false;
            }

            return ok
                ? new TransitionDefinition(new StepId(t.From!), new StepId(t.To!))
                {
                    Outcome = string.IsNullOrWhiteSpace(t.Outcome) ? null : t.Outcome,
                    Condition = string.IsNullOrWhiteSpace(t.Condition) ? null : t.Condition,
                    IsDefault = t.Default,
                }
                : null;
        }

        private WorkingDuration? Duration(string? text, string at, bool required, string? step = null)
        {
            if (text is null && !required)
            {
                return null;
            }

            if (WorkingDuration.TryParse(text, out var duration, out var error))
            {
                return duration;
            }

            Problem("invalid-duration", at, error, step);
            return null;
        }

        private void Limit(int count, int max, string at, string what)
        {
            if (count > max)
            {
                Problem("too-large", at, string.Create(CultureInfo.InvariantCulture, $"The definition has {count} {what}; at most {max} are allowed. Split the procedure or simplify it."));
            }
        }

        private void Problem(string code, string at, string message, string? step = null) =>
            problems.Add(new ValidationProblem(code, at, message) { Step = step });

        private static bool IsFieldKey(string key) =>
            key.Length is > 0 and <= 64 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}
