import type { FieldDocument } from '../../../api/client';

/** The operators the condition builder offers; each row becomes one comparison in our condition language. */
export const operators = ['==', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'isEmpty', 'notEmpty'] as const;
export type Operator = (typeof operators)[number];

export interface ConditionRow {
  field: string;
  operator: Operator;
  /** As typed; lists for in / not in are comma separated. */
  value: string;
}

export interface BuiltCondition {
  join: 'and' | 'or';
  rows: ConditionRow[];
}

export function operatorNeedsValue(op: Operator): boolean {
  return op !== 'isEmpty' && op !== 'notEmpty';
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function literal(field: FieldDocument | undefined, raw: string): string {
  const text = raw.trim();
  switch (field?.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? text : quote(text);
    case 'boolean':
      return text === 'true' || text === 'false' ? text : quote(text);
    case 'date':
      return `date(${quote(text)})`;
    default:
      return quote(text);
  }
}

/** One row as condition-language text, typed by the form field (dates through date(), numbers bare). */
export function rowToText(row: ConditionRow, fields: readonly FieldDocument[]): string {
  const field = fields.find((f) => f.key === row.field);
  if (row.operator === 'isEmpty') return `isEmpty(${row.field})`;
  if (row.operator === 'notEmpty') return `!isEmpty(${row.field})`;
  const left = field?.type === 'date' ? `date(${row.field})` : row.field;
  if (row.operator === 'in' || row.operator === 'not in') {
    const items = row.value.split(',').map((v) => v.trim()).filter((v) => v.length > 0).map((v) => literal(field, v));
    return `${left} ${row.operator} [${items.join(', ')}]`;
  }
  return `${left} ${row.operator} ${literal(field, row.value)}`;
}

export function conditionToText(condition: BuiltCondition, fields: readonly FieldDocument[]): string {
  return condition.rows.map((r) => rowToText(r, fields)).join(condition.join === 'and' ? ' && ' : ' || ');
}

function unquote(text: string): string | null {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(text) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(text);
  return m?.[1] !== undefined ? m[1].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)) : null;
}

function valueOf(text: string): string | null {
  const t = text.trim();
  const date = /^date\((.*)\)$/.exec(t);
  if (date?.[1] !== undefined) return unquote(date[1].trim());
  if (/^-?\d+(\.\d+)?$/.test(t) || t === 'true' || t === 'false') return t;
  return unquote(t);
}

function parseRow(text: string): ConditionRow | null {
  const t = text.trim();
  const empty = /^(!?)isEmpty\(\s*([\p{L}_][\p{L}\p{N}_.]*)\s*\)$/u.exec(t);
  if (empty?.[2]) return { field: empty[2], operator: empty[1] ? 'notEmpty' : 'isEmpty', value: '' };
  const m = /^(?:date\(\s*)?([\p{L}_][\p{L}\p{N}_.]*)\s*\)?\s*(==|!=|>=|<=|>|<|not in|in)\s*(.+)$/u.exec(t);
  if (!m?.[1] || !m[2] || m[3] === undefined) return null;
  const operator = m[2] as Operator;
  if (operator === 'in' || operator === 'not in') {
    const list = /^\[(.*)\]$/.exec(m[3].trim());
    if (!list || list[1] === undefined) return null;
    const items = list[1].trim() === '' ? [] : list[1].split(',').map(valueOf);
    if (items.some((i) => i === null || i.includes(','))) return null;
    return { field: m[1], operator, value: items.join(', ') };
  }
  const value = valueOf(m[3]);
  return value === null ? null : { field: m[1], operator, value };
}

/**
 * Reads condition text back into builder rows when it is a flat run of simple comparisons joined by one
 * kind of connective; anything richer returns null and stays in the expression view.
 */
export function parseCondition(text: string): BuiltCondition | null {
  const t = text.trim();
  if (t === '') return { join: 'and', rows: [] };
  if (/[()]/.test(t.replace(/date\([^()]*\)|isEmpty\([^()]*\)/g, ''))) return null;
  const hasAnd = /&&|\band\b/.test(t);
  const hasOr = /\|\||\bor\b/.test(t);
  if (hasAnd && hasOr) return null;
  const join = hasOr ? 'or' : 'and';
  const parts = t.split(join === 'and' ? /&&|\band\b/ : /\|\||\bor\b/);
  const rows = parts.map(parseRow);
  return rows.every((r): r is ConditionRow => r !== null) ? { join, rows } : null;
}
