import type { FieldDocument, Schemas } from '../../../api/client';

// A national-id field's registry auto-fill (engine Forms/RegistryAutoFill.cs, procedures/README.md "Registry
// auto-fill"): once the number is entered, the population registry fills these form fields.

/** What the population registry holds about a citizen, as the definition names it. */
export const registryData = ['full-name', 'birth-date', 'sex', 'nationality', 'hometown', 'permanent-address', 'current-address'] as const;
export type RegistryDatum = (typeof registryData)[number];

export const populationRegistry = 'population-registry';

export type AutoFill = Schemas['AutoFillDocument'];

/** The field types a datum can be written into (RegistryAutoFill.TargetTypesOf). */
export function targetTypesOf(datum: string): readonly string[] {
  switch (datum) {
    case 'birth-date': return ['date'];
    case 'sex': return ['select', 'text'];
    case 'permanent-address':
    case 'current-address': return ['address', 'text'];
    default: return ['text'];
  }
}

/** The data that fit a field of this type (none for a number, boolean, user or national-id field). */
export function dataFitting(fieldType: string | null | undefined): RegistryDatum[] {
  return registryData.filter((d) => targetTypesOf(d).includes(fieldType ?? 'text'));
}

export function autoFillOf(field: FieldDocument): AutoFill | null {
  return field.autoFill ?? null;
}

export function fillsOf(field: FieldDocument): [string, string][] {
  return Object.entries(autoFillOf(field)?.fills ?? {});
}

/** The field with this auto-fill (null removes it); everything else on the field is kept as it came. */
export function withAutoFill(field: FieldDocument, autoFill: AutoFill | null): FieldDocument {
  return { ...field, autoFill };
}

export function withFills(field: FieldDocument, fills: [string, string][]): FieldDocument {
  return withAutoFill(field, { ...(autoFillOf(field) ?? {}), source: autoFillOf(field)?.source ?? populationRegistry, fills: Object.fromEntries(fills) });
}

/**
 * The fields a row of `idField`'s auto-fill may write: a type some datum fits, not the ID field itself, and not
 * already filled by another row or another national-id field (the validator's autofill-self / autofill-conflict).
 * `keep` is the row's own current target, which stays on offer.
 */
export function fillableFields(fields: readonly FieldDocument[], idField: FieldDocument, keep?: string): FieldDocument[] {
  const taken = new Set(fields.flatMap((f) => fillsOf(f).map(([k]) => k)));
  if (keep) taken.delete(keep);
  return fields.filter((f) => f.key && f !== idField && f.key !== idField.key && dataFitting(f.type).length > 0 && !taken.has(f.key));
}

/** A new row: the first free field a datum fits, with the first datum not yet used that fits it. */
export function nextRow(fields: readonly FieldDocument[], idField: FieldDocument): [string, string] | null {
  const used = new Set(fillsOf(idField).map(([, d]) => d));
  const candidates = fillableFields(fields, idField);
  for (const f of candidates) {
    const datum = dataFitting(f.type).find((d) => !used.has(d));
    if (datum) return [f.key!, datum];
  }
  const f = candidates[0];
  return f ? [f.key!, dataFitting(f.type)[0]!] : null;
}

/** Which national-id field fills each field, and with what: for the preview's hint. */
export function autoFilledFields(fields: readonly FieldDocument[]): Map<string, { by: FieldDocument; datum: string }> {
  const filled = new Map<string, { by: FieldDocument; datum: string }>();
  for (const f of fields) {
    if (f.type !== 'national-id') continue;
    for (const [key, datum] of fillsOf(f)) if (!filled.has(key)) filled.set(key, { by: f, datum });
  }
  return filled;
}

/** A field renamed from `from` to `to`: auto-fill rows that wrote `from` now write `to`, in the same place. */
export function renameFilledField(fields: FieldDocument[], from: string, to: string): FieldDocument[] {
  return fields.map((f) => {
    const rows = fillsOf(f);
    return rows.some(([k]) => k === from) ? withFills(f, rows.map(([k, d]) => [k === from ? to : k, d])) : f;
  });
}

/** The form without `key`: no auto-fill row is left writing a field that is gone. */
export function removeFilledField(fields: FieldDocument[], key: string | null | undefined): FieldDocument[] {
  return fields.filter((f) => f.key !== key).map((f) => {
    const rows = fillsOf(f);
    return key && rows.some(([k]) => k === key) ? withFills(f, rows.filter(([k]) => k !== key)) : f;
  });
}
