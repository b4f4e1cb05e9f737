import { describe, expect, it } from 'vitest';
import { templateOptions } from './resultTemplates';

const served = [{ id: 'giay-khai-sinh', name: 'Giấy khai sinh' }, { id: 'giay-phep', name: 'Giấy phép (mẫu chung)' }];
const unknown = (id: string) => `${id} (không có trên máy chủ)`;

describe('result template options', () => {
  it('offers the templates the host prints, by name', () => {
    expect(templateOptions(served, 'giay-phep', unknown)).toEqual([
      { value: 'giay-khai-sinh', label: 'Giấy khai sinh' },
      { value: 'giay-phep', label: 'Giấy phép (mẫu chung)' },
    ]);
    expect(templateOptions(served, null, unknown)).toHaveLength(2);
  });

  it('keeps a step\'s unknown template visible (the server reports unknown-template) instead of blanking it', () => {
    expect(templateOptions(served, 'trich-luc', unknown).at(-1)).toEqual({ value: 'trich-luc', label: 'trich-luc (không có trên máy chủ)' });
  });
});
