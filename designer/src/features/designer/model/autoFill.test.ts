import { describe, expect, it } from 'vitest';
import type { DefinitionDocument, FieldDocument } from '../../../api/client';
import { autoFilledFields, dataFitting, fillableFields, fillsOf, nextRow, removeFilledField, renameFilledField, withAutoFill, withFills } from './autoFill';
import { normalize, toDocument } from './document';

// The husband's half of marriage-registration's form, as the definition file has it.
const husbandId = {
  key: 'husbandId', label: 'Số định danh cá nhân bên nam', type: 'national-id', required: true,
  autoFill: { source: 'population-registry', fills: { husbandName: 'full-name', husbandBirthDate: 'birth-date', husbandResidence: 'permanent-address' } },
};
const doc = {
  id: 'marriage-registration', name: 'Đăng ký kết hôn', steps: [], transitions: [], roles: [],
  form: {
    fields: [
      { key: 'husbandName', label: 'Họ tên bên nam', type: 'text', required: true },
      { key: 'husbandBirthDate', label: 'Ngày sinh bên nam', type: 'date' },
      husbandId,
      { key: 'husbandResidence', label: 'Nơi cư trú bên nam', type: 'address' },
      { key: 'husbandSex', label: 'Giới tính', type: 'select', options: ['Nam', 'Nữ'] },
      { key: 'needsVerification', type: 'boolean' },
      { key: 'fee', type: 'number' },
      { key: 'wifeId', type: 'national-id' },
    ],
  },
} as unknown as DefinitionDocument;

const field = (fields: FieldDocument[], key: string) => fields.find((f) => f.key === key)!;

describe('registry auto-fill', () => {
  it('comes back from the document exactly as it went in, after edits, with the rows in order', () => {
    const def = normalize(doc);
    expect(toDocument(def).form!.fields![2]).toEqual(husbandId);

    const id = field(def.form.fields, 'husbandId');
    expect(fillsOf(id)).toEqual([['husbandName', 'full-name'], ['husbandBirthDate', 'birth-date'], ['husbandResidence', 'permanent-address']]);
    const edited = withFills(id, [...fillsOf(id), ['husbandSex', 'sex']]);
    const fields = def.form.fields.map((f) => (f === id ? edited : f));
    const out = toDocument({ ...def, form: { fields } }).form!.fields![2] as typeof husbandId;
    expect(out.autoFill).toEqual({ source: 'population-registry', fills: { ...husbandId.autoFill.fills, husbandSex: 'sex' } });
    expect(Object.keys(out.autoFill.fills)).toEqual(['husbandName', 'husbandBirthDate', 'husbandResidence', 'husbandSex']);

    // Switching it off leaves no trace in the file.
    const off = toDocument({ ...def, form: { fields: def.form.fields.map((f) => (f === id ? withAutoFill(f, null) : f)) } });
    expect(off.form!.fields![2]).not.toHaveProperty('autoFill');
  });

  it('offers only data that fit the field type, as the engine checks them', () => {
    expect(dataFitting('date')).toEqual(['birth-date']);
    expect(dataFitting('select')).toEqual(['sex']);
    expect(dataFitting('address')).toEqual(['permanent-address', 'current-address']);
    expect(dataFitting('text')).toEqual(['full-name', 'sex', 'nationality', 'hometown', 'permanent-address', 'current-address']);
    for (const type of ['number', 'boolean', 'user', 'national-id']) expect(dataFitting(type)).toEqual([]);
  });

  it('offers only fields of a fitting type that nobody fills yet, never the ID field itself', () => {
    const fields = normalize(doc).form.fields;
    const id = field(fields, 'husbandId');
    expect(fillableFields(fields, id).map((f) => f.key)).toEqual(['husbandSex']);
    expect(fillableFields(fields, id, 'husbandName').map((f) => f.key)).toEqual(['husbandName', 'husbandSex']);
    // The wife's ID may not take the husband's fields either (autofill-conflict).
    expect(fillableFields(fields, field(fields, 'wifeId')).map((f) => f.key)).toEqual(['husbandSex']);
    expect(nextRow(fields, id)).toEqual(['husbandSex', 'sex']);
    expect(nextRow(fields, field(fields, 'wifeId'))).toEqual(['husbandSex', 'sex']);
  });

  it('marks the filled fields for the preview and follows a renamed field', () => {
    const fields = normalize(doc).form.fields;
    const filled = autoFilledFields(fields);
    expect([...filled.keys()]).toEqual(['husbandName', 'husbandBirthDate', 'husbandResidence']);
    expect(filled.get('husbandBirthDate')).toMatchObject({ datum: 'birth-date', by: { key: 'husbandId' } });

    const renamed = renameFilledField(fields, 'husbandName', 'husbandFullName');
    expect(fillsOf(field(renamed, 'husbandId'))[0]).toEqual(['husbandFullName', 'full-name']);
  });

  it('drops the rows of a removed field, and only those', () => {
    const fields = normalize(doc).form.fields;
    const left = removeFilledField(fields, 'husbandBirthDate');
    expect(left.map((f) => f.key)).not.toContain('husbandBirthDate');
    expect(fillsOf(field(left, 'husbandId'))).toEqual([['husbandName', 'full-name'], ['husbandResidence', 'permanent-address']]);
    expect(removeFilledField(fields, 'fee').find((f) => f.key === 'husbandId')).toBe(field(fields, 'husbandId'));
  });
});
