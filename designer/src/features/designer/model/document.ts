import type { DefinitionDocument, FieldDocument, StepDocument, StepKind, TransitionDocument } from '../../../api/client';

export const stepKinds: readonly StepKind[] = [
  'start', 'task', 'signature', 'issue', 'gateway', 'parallel-split', 'parallel-join', 'timer', 'automatic', 'end',
];

export const fieldTypes = ['text', 'number', 'boolean', 'date', 'select', 'national-id', 'address', 'user'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** Kinds a person works on (they have a role, a budget and outcomes). */
export const humanKinds: ReadonlySet<string> = new Set(['task', 'signature', 'issue']);

/** Dossier statuses a step may set (docs/domain.md "Dossier status"). */
export const dossierStatuses = [
  'received', 'in-process', 'supplement-requested', 'awaiting-fee', 'result-ready', 'returned', 'refused', 'withdrawn', 'stopped',
] as const;

// Properties the designer edits that the host's OpenAPI document does not describe yet (the engine is growing
// them in parallel). They travel inside the definition JSON like any other property; everything the designer does
// not know is kept as it came (normalize/toDocument spread, never rebuild).

/** A fee charged at a step (Vietnamese đồng, whole numbers). */
export interface StepFee { amount?: number | null; currency?: string | null; note?: string | null }

/** The result document template a step produces (e.g. the licence or the refusal letter). */
export interface StepTemplate { id?: string | null; name?: string | null }

export type StepExtras = { fee?: StepFee | null; template?: StepTemplate | null };

/** One rung of the escalation ladder: a working-time offset from the step's due instant and what happens then. */
export interface EscalationRung { after?: string | null; action?: string | null; role?: string | null }

export const escalationActions = ['notify-assignee', 'notify-unit-leader', 'reassign', 'raise-priority', 'draft-apology'] as const;

/** A component of the dossier the applicant must (or may) hand in: the documents checklist. */
/** A dossier component as the engine reads it (Documents/DocumentsJson.cs): media types, size in bytes. */
export interface RequiredDocument { key?: string | null; name?: string | null; required?: boolean | null; acceptedTypes?: string[] | null; maxBytes?: number | null }

/** The types the store recognises by their first bytes (engine Documents/MediaTypes.cs), with a short label. */
export const documentTypes = [
  { value: 'application/pdf', label: 'PDF' },
  { value: 'image/jpeg', label: 'JPEG' },
  { value: 'image/png', label: 'PNG' },
  { value: 'image/tiff', label: 'TIFF' },
] as const;
export const megabyte = 1024 * 1024;
export const typeLabel = (mediaType: string) => documentTypes.find((t) => t.value === mediaType)?.label ?? mediaType;

export type DefinitionExtras = { escalation?: EscalationRung[] | null; documents?: RequiredDocument[] | null };

export function stepExtras(step: StepDocument): StepExtras {
  return step as StepExtras;
}

export function definitionExtras(def: Definition): DefinitionExtras {
  return def as DefinitionExtras;
}

/** The document with every list present, so editors never test for null. */
export interface Definition extends DefinitionDocument {
  id: string;
  name: string;
  steps: StepDocument[];
  transitions: TransitionDocument[];
  roles: { id: string | null; name: string | null }[];
  form: { fields: FieldDocument[] };
}

export function normalize(doc: DefinitionDocument): Definition {
  return {
    ...doc,
    id: doc.id ?? '',
    name: doc.name ?? '',
    steps: (doc.steps ?? []).map((s) => ({ ...s })),
    transitions: (doc.transitions ?? []).map((t) => ({ ...t })),
    roles: (doc.roles ?? []).map((r) => ({ ...r })),
    form: { ...(doc.form ?? {}), fields: (doc.form?.fields ?? []).map((f) => ({ ...f })) },
  };
}

/** The document as the API and the definition file expect it: no empty optional values. */
export function toDocument(def: Definition): DefinitionDocument {
  const clean = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;
  const { version: _version, ...rest } = def;
  void _version;
  return clean({
    ...rest,
    steps: def.steps.map((s) => clean({ ...s, set: s.set && Object.keys(s.set).length > 0 ? s.set : null })),
    transitions: def.transitions.map((t) => clean({ ...t, default: t.default ? true : undefined })),
    form: { ...def.form, fields: def.form.fields.map((f) => clean({ ...f, required: f.required ? true : undefined })) },
  });
}

export function stepId(step: StepDocument): string {
  return step.id ?? '';
}

/** A new step id unique in the definition: kind-1, kind-2, ... */
export function newStepId(def: Definition, kind: string): string {
  const taken = new Set(def.steps.map(stepId));
  for (let i = 1; ; i++) {
    const id = `${kind}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function newStep(def: Definition, kind: StepKind, name: string): StepDocument {
  const step: StepDocument = { id: newStepId(def, kind), kind, name };
  if (humanKinds.has(kind)) {
    step.role = def.roles[0]?.id ?? null;
    step.budget = '1d';
    step.outcomes = ['done'];
  }
  if (kind === 'timer') step.wait = '1d';
  return step;
}

/** Renames a step everywhere it is referenced. */
export function renameStep(def: Definition, from: string, to: string): Definition {
  return {
    ...def,
    steps: def.steps.map((s) => (s.id === from ? { ...s, id: to } : s)),
    transitions: def.transitions.map((t) => ({ ...t, from: t.from === from ? to : t.from, to: t.to === from ? to : t.to })),
  };
}

export function removeSteps(def: Definition, ids: ReadonlySet<string>): Definition {
  return {
    ...def,
    steps: def.steps.filter((s) => !ids.has(stepId(s))),
    transitions: def.transitions.filter((t) => !ids.has(t.from ?? '') && !ids.has(t.to ?? '')),
  };
}

export function updateStep(def: Definition, id: string, patch: Partial<StepDocument>): Definition {
  return { ...def, steps: def.steps.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

export function stepById(def: Definition, id: string): StepDocument | undefined {
  return def.steps.find((s) => s.id === id);
}

/** A slug the engine accepts for ids: lower-case letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
