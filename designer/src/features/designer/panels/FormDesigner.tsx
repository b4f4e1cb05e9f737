import { useState } from 'react';
import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, TextInput, Textarea, Title } from '@mantine/core';
import type { FieldDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { fieldTypes, type Definition } from '../model/document';
import { DocumentsChecklist, DocumentsPreview } from './DocumentsChecklist';

/** The dossier's form: fields with type, required flag and options, and a live preview as the applicant sees it. */
export function FormDesigner({ def, onChange }: { def: Definition; onChange: (def: Definition) => void }) {
  const { t } = useI18n();
  const [audience, setAudience] = useState<'citizen' | 'desk'>('citizen');
  const fields = def.form.fields;
  const set = (next: FieldDocument[]) => onChange({ ...def, form: { ...def.form, fields: next } });
  const update = (i: number, patch: Partial<FieldDocument>) => set(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
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
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => set(fields.filter((_, j) => j !== i))} aria-label={t('common.remove')}>✕</ActionIcon>
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
          {fields.map((f, i) => <PreviewField key={i} field={f} />)}
          <DocumentsPreview def={def} audience={audience} />
        </Stack>
      </Card>
    </Stack>
  );
}

function PreviewField({ field }: { field: FieldDocument }) {
  const { t } = useI18n();
  const label = field.label || field.key || '';
  const common = { label, required: field.required ?? false, size: 'xs' as const };
  switch (field.type) {
    case 'number': return <NumberInput {...common} />;
    case 'boolean': return <Switch label={label} size="xs" />;
    case 'date': return <TextInput {...common} type="date" />;
    case 'select': return <Select {...common} data={field.options ?? []} />;
    case 'national-id': return <TextInput {...common} placeholder="001234567890" description={t('form.nationalIdHelp')} maxLength={12} />;
    case 'user': return <Select {...common} data={[]} placeholder={t('form.userHelp')} />;
    case 'address': return <Textarea {...common} autosize minRows={2} placeholder={t('form.addressHelp')} />;
    default: return <TextInput {...common} maxLength={field.maxLength ?? undefined} />;
  }
}

