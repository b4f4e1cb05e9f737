import { api, type DefinitionVersion } from '../../api/client';
import { normalize, type Definition } from './model/document';
import { importBpmn } from './model/bpmn';
import type { Positions } from './model/layout';
import type { ResultTemplateOption } from './model/resultTemplates';

/** The host refuses bodies over 1 MiB; refuse earlier with a clear message. */
export const maxImportBytes = 1024 * 1024;

export async function loadVersion(procedureId: string, version: number): Promise<{ def: Definition; version: DefinitionVersion } | null> {
  const { data } = await api.GET('/api/procedures/{procedureId}/versions/{version}', { params: { path: { procedureId, version } } });
  if (!data) return null;
  return { def: normalize(data.definition as Definition), version: data.version };
}

export type ImportResult =
  | { ok: true; def: Definition; positions: Positions | null; skipped: string[] }
  | { ok: false; reason: 'too-large' | 'not-json' | 'not-definition' | 'not-bpmn' };

/** Reads a definition JSON file or a BPMN 2.0 file (the supported subset). */
export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > maxImportBytes) return { ok: false, reason: 'too-large' };
  const text = await file.text();
  if (text.trimStart().startsWith('<')) {
    try {
      const result = await importBpmn(text);
      return { ok: true, def: result.def, positions: Object.keys(result.positions).length ? result.positions : null, skipped: result.skipped };
    } catch {
      return { ok: false, reason: 'not-bpmn' };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('steps' in parsed) || !Array.isArray((parsed as { steps: unknown }).steps)) {
    return { ok: false, reason: 'not-definition' };
  }
  return { ok: true, def: normalize(parsed as Definition), positions: null, skipped: [] };
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
