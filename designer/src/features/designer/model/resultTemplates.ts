import { api } from '../../../api/client';

/** A result template the host prints (GET /api/result-templates). */
export interface ResultTemplateOption { id: string; name: string }

let cached: Promise<ResultTemplateOption[]> | null = null;

/** The host's result templates, fetched once per page (they change only with a new server build). */
export function loadResultTemplates(): Promise<ResultTemplateOption[]> {
  cached ??= api.GET('/api/result-templates').then(({ data, error }) => {
    if (!data) {
      cached = null;
      throw new Error(error ? JSON.stringify(error) : 'no result templates');
    }
    return data.map((t) => ({ id: t.id, name: t.name }));
  });
  return cached;
}

/** Select options: every template by name, plus the step's current id if the host does not know it. */
export function templateOptions(templates: readonly ResultTemplateOption[], current: string | null | undefined, unknownLabel: (id: string) => string) {
  const options = templates.map((t) => ({ value: t.id, label: t.name }));
  return current && !templates.some((t) => t.id === current) ? [...options, { value: current, label: unknownLabel(current) }] : options;
}
