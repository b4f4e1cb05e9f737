/** A result template the host prints (GET /api/result-templates). */
export interface ResultTemplateOption { id: string; name: string }

/** Select options: every template by name, plus the step's current id if the host does not know it. */
export function templateOptions(templates: readonly ResultTemplateOption[], current: string | null | undefined, unknownLabel: (id: string) => string) {
  const options = templates.map((t) => ({ value: t.id, label: t.name }));
  return current && !templates.some((t) => t.id === current) ? [...options, { value: current, label: unknownLabel(current) }] : options;
}
