import { describe, expect, it } from 'vitest';
import { normalize, renameStep, toDocument, updateStep } from './document';
import type { DefinitionDocument } from '../../../api/client';

// Properties other parts of the engine add to the definition file while the designer does not edit them yet.
const withUnknowns = {
  id: 'permit',
  name: 'Cấp phép',
  policies: { stopRoles: ['leader'], supplementWindow: '15d' },
  documents: [{ key: 'application', name: 'Đơn đề nghị', required: true, acceptedTypes: ['application/pdf'], maxBytes: 5242880 }],
  futureTopLevel: { anything: [1, 2, 3] },
  roles: [{ id: 'desk-officer', name: 'Cán bộ một cửa', unitScope: 'commune' }],
  form: { fields: [{ key: 'name', type: 'text', autoFill: 'citizen-registry' }], layout: 'two-columns' },
  steps: [
    { id: 'submit', kind: 'start' },
    { id: 'receive', kind: 'task', role: 'desk-officer', outcomes: ['accept'], signOn: ['accept'], assignment: 'round-robin', timeout: { after: '2d', outcome: 'accept' } },
    { id: 'done', kind: 'end' },
  ],
  transitions: [{ from: 'submit', to: 'receive' }, { from: 'receive', to: 'done', outcome: 'accept', note: 'kept' }],
} as unknown as DefinitionDocument;

describe('definition document', () => {
  it('keeps every property it does not edit, at every level, through normalize and toDocument', () => {
    expect(toDocument(normalize(withUnknowns))).toEqual(withUnknowns);
  });

  it('keeps unknown properties of a step through an edit and a rename', () => {
    const edited = renameStep(updateStep(normalize(withUnknowns), 'receive', { name: 'Tiếp nhận' }), 'receive', 'accept-dossier');
    const step = toDocument(edited).steps?.find((s) => s.id === 'accept-dossier') as Record<string, unknown>;
    expect(step).toMatchObject({ name: 'Tiếp nhận', signOn: ['accept'], assignment: 'round-robin', timeout: { after: '2d', outcome: 'accept' } });
  });

  it('survives the JSON export and re-import byte for byte', () => {
    const once = JSON.stringify(toDocument(normalize(withUnknowns)), null, 2);
    const twice = JSON.stringify(toDocument(normalize(JSON.parse(once) as DefinitionDocument)), null, 2);
    expect(twice).toBe(once);
  });
});
