import { useState } from 'react';
import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import type { FieldDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { fieldTypes, type Definition } from '../model/document';
import { DocumentsChecklist, DocumentsPreview } from './DocumentsChecklist';
import { AutoFillEditor } from './AutoFillEditor';
import { autoFillOf, autoFilledFields, removeFilledField, renameFilledField } from '../model/autoFill';

/** The dossier's form: fields with type, required flag and options, and a live preview as the applicant sees it. */
export function FormDesigner({ def, onChange }: { def: Definition; onChange: (def: Definition) => void }) {
  const { t } = useI18n();
  const [audience, setAudience] = useState<'citizen' | 'desk'>('citizen');
  const fields = def.form.fields;
  const set = (next: FieldDocument[]) => onChange({ ...def, form: { ...def.form, fields: next } });
  const update = (i: number, patch: Partial<FieldDocument>) => {
    const next = fields.map((f, j) => (j === i ? { ...f, ...patch } : f));
    const from = fields[i]?.key;
    // A renamed field stays auto-filled: the rows that wrote the old key write the new one.
    set(patch.key !== undefined && from && patch.key && patch.key !== from ? renameFilledField(next, from, patch.key) : next);
  };
  const filled = autoFilledFields(fields);
  const move = (i: number, by: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    if (f) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, f);
    set(next);
  };
  return (
    <Stack gap="xs" data-testid="form-designer">
      <Title order={5}>{t('form.title')}</Title>
      {fields.map((f, i) => (
        <Card key={i} withBorder p="xs" data-testid={`field-${f.key}`}>
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" style={{ flex: 1 }} placeholder={t('form.label')} value={f.label ?? ''} onChange={(e) => update(i, { label: e.currentTarget.value })} aria-label={t('form.label')} />
            <ActionIcon size="sm" variant="subtle" onClick={() => move(i, -1)} aria-label="↑">↑</ActionIcon>
            <ActionIcon size="sm" variant="subtle" onClick={() => move(i, 1)} aria-label="↓">↓</ActionIcon>
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => set(fields.some((g, j) => j !== i && g.key === f.key) ? fields.filter((_, j) => j !== i) : removeFilledField(fields, f.key))} aria-label={t('common.remove')}>✕</ActionIcon>
          </Group>
          <Group gap={4} mt={4} wrap="nowrap">
            <TextInput size="xs" w={120} ff="monospace" value={f.key ?? ''} onChange={(e) => update(i, { key: e.currentTarget.value.replace(/[^\p{L}\p{N}_]/gu, '') })} aria-label={t('form.key')} />
            <Select size="xs" w={120} data={fieldTypes.map((ft) => ({ value: ft, label: t(`fieldType.${ft}` as 'fieldType.text') }))} value={f.type ?? 'text'} onChange={(ty) => update(i, { type: ty })} allowDeselect={false} aria-label={t('form.type')} />
            <Checkbox size="xs" label={t('form.required')} checked={f.required ?? false} onChange={(e) => update(i, { required: e.currentTarget.checked })} />
          </Group>
          {f.type === 'select' && <TagsInput size="xs" mt={4} label={t('form.options')} value={f.options ?? []} onChange={(o) => update(i, { options: o })} />}
          {(f.type === 'text' || f.type === 'address' || !f.type) && (
            <NumberInput size="xs" mt={4} w={140} label={t('form.maxLength')} value={f.maxLength ?? ''} min={1} onChange={(v) => update(i, { maxLength: typeof v === 'number' ? v : null })} />
          )}
          {f.type === 'national-id' && <AutoFillEditor field={f} fields={fields} onChange={(next) => set(fields.map((g, j) => (j === i ? next : g)))} />}
        </Card>
      ))}
      <Button size="compact-sm" variant="light" data-testid="add-field"
        onClick={() => set([...fields, { key: `field${fields.length + 1}`, label: '', type: 'text' }])}>{t('form.addField')}</Button>
      <DocumentsChecklist def={def} onChange={onChange} />
      <Group justify="space-between" mt="sm">
        <Title order={6}>{t('form.preview')}</Title>
        <SegmentedControl size="xs" value={audience} onChange={(v) => setAudience(v === 'desk' ? 'desk' : 'citizen')} data-testid="preview-audience"
          data={[{ value: 'citizen', label: t('form.previewCitizen') }, { value: 'desk', label: t('form.previewDesk') }]} />
      </Group>
      <Card withBorder p="sm" bg="gray.0" data-testid="form-preview">
        <Stack gap={6}>
          {fields.map((f, i) => <PreviewField key={i} field={f} filledBy={filled.get(f.key ?? '')?.by} />)}
          <DocumentsPreview def={def} audience={audience} />
        </Stack>
      </Card>
    </Stack>
  );
}

function PreviewField({ field, filledBy }: { field: FieldDocument; filledBy?: FieldDocument | undefined }) {
  const { t } = useI18n();
  const label = field.label || field.key || '';
  // The registry fills it once the ID is entered; the applicant and the desk see where the value comes from.
  const hint = filledBy ? t('autofill.hint', { id: filledBy.label || filledBy.key || '' }) : undefined;
  const common = {
    label, required: field.required ?? false, size: 'xs' as const,
    description: hint, 'data-autofilled': filledBy ? 'true' : undefined,
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
  };
  switch (field.type) {
    case 'number': return <NumberInput {...common} />;
    case 'boolean': return <Switch label={label} size="xs" description={hint} />;
    case 'date': return <TextInput {...common} type="date" />;
    case 'select': return <Select {...common} data={field.options ?? []} />;
    case 'national-id': return <TextInput {...common} placeholder="001234567890" description={t(autoFillOf(field) ? 'form.nationalIdFills' : 'form.nationalIdHelp')} maxLength={12} />;
    case 'user': return <Select {...common} data={[]} placeholder={t('form.userHelp')} />;
    case 'address': return <Textarea {...common} autosize minRows={2} placeholder={t('form.addressHelp')} />;
    default: return <TextInput {...common} maxLength={field.maxLength ?? undefined} />;
  }
}

