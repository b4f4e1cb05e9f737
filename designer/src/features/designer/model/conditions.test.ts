import { describe, expect, it } from 'vitest';
import { conditionToText, parseCondition } from './conditions';
import type { FieldDocument } from '../../../api/client';

const fields: FieldDocument[] = [
  { key: 'fee', type: 'number' },
  { key: 'channel', type: 'select', options: ['online', 'desk'] },
  { key: 'receivedOn', type: 'date' },
];

describe('condition builder', () => {
  it('writes typed literals: numbers bare, texts quoted, dates through date()', () => {
    expect(conditionToText({ join: 'and', rows: [
      { field: 'fee', operator: '>', value: '0' },
      { field: 'channel', operator: 'in', value: 'online, desk' },
      { field: 'receivedOn', operator: '<', value: '2026-03-01' },
    ] }, fields)).toBe('fee > 0 && channel in ["online", "desk"] && date(receivedOn) < date("2026-03-01")');
  });

  it('reads its own text back into the same rows', () => {
    const built = { join: 'or' as const, rows: [
      { field: 'fee', operator: '>=' as const, value: '100' },
      { field: 'channel', operator: 'isEmpty' as const, value: '' },
      { field: 'receivedOn', operator: '==' as const, value: '2026-01-02' },
    ] };
    expect(parseCondition(conditionToText(built, fields))).toEqual(built);
  });

  it('leaves richer expressions to the text view', () => {
    expect(parseCondition('(fee > 0 || channel == "desk") && fee < 10')).toBeNull();
  });
});
