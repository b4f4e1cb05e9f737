import { ActionIcon, Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n';
import { definitionExtras, documentTypes, megabyte, slugify, typeLabel, type Definition, type RequiredDocument } from '../model/document';

/** The dossier's components (thành phần hồ sơ): what the applicant hands in, which file types, how large. */
export function DocumentsChecklist({ def, onChange }: { def: Definition; onChange: (def: Definition) => void }) {
  const { t } = useI18n();
  const documents = definitionExtras(def).documents ?? [];
  const set = (next: RequiredDocument[]) => onChange({ ...def, documents: next.length ? next : null } as Definition);
  const update = (i: number, patch: Partial<RequiredDocument>) => set(documents.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const freeKey = () => { for (let n = documents.length + 1; ; n++) if (!documents.some((d) => d.key === `document-${n}`)) return `document-${n}`; };
  return (
    <Stack gap="xs" data-testid="documents-checklist">
      <Title order={6}>{t('documents.title')}</Title>
      {documents.map((d, i) => (
        <Card key={i} withBorder p="xs" data-testid={`document-${d.key}`}>
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" style={{ flex: 1 }} placeholder={t('documents.name')} aria-label={t('documents.name')} value={d.name ?? ''} data-testid="document-name"
              onChange={(e) => update(i, { name: e.currentTarget.value })}
              onBlur={() => { if (d.name && /^document-\d+$/.test(d.key ?? '')) { const key = slugify(d.name); if (key && !documents.some((x) => x.key === key)) update(i, { key }); } }} />
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => set(documents.filter((_, j) => j !== i))} aria-label={t('common.remove')}>✕</ActionIcon>
          </Group>
          <Group gap={4} mt={4} wrap="nowrap" align="flex-end">
            <MultiSelect size="xs" style={{ flex: 1 }} label={t('documents.accept')} data={documentTypes.map((x) => ({ ...x }))} value={d.acceptedTypes ?? []} data-testid="document-accept"
              onChange={(acceptedTypes) => update(i, { acceptedTypes: acceptedTypes.length ? acceptedTypes : null })} />
            <NumberInput size="xs" w={80} label={t('documents.maxSize')} min={1} max={20} value={d.maxBytes ? d.maxBytes / megabyte : ''} data-testid="document-max-size"
              onChange={(v) => update(i, { maxBytes: typeof v === 'number' ? Math.round(v * megabyte) : null })} />
          </Group>
          <Checkbox size="xs" mt={4} label={t('form.required')} checked={d.required ?? false} onChange={(e) => update(i, { required: e.currentTarget.checked || null })} data-testid="document-required" />
        </Card>
      ))}
      <Button size="compact-sm" variant="light" data-testid="add-document"
        onClick={() => set([...documents, { key: freeKey(), name: '', required: true, acceptedTypes: ['application/pdf'], maxBytes: 10 * megabyte }])}>{t('documents.add')}</Button>
    </Stack>
  );
}

/** The checklist as the citizen (upload) and the desk (tick what was received) see it. */
export function DocumentsPreview({ def, audience }: { def: Definition; audience: 'citizen' | 'desk' }) {
  const { t } = useI18n();
  const documents = definitionExtras(def).documents ?? [];
  if (documents.length === 0) return null;
  return (
    <Stack gap={4} data-testid={`documents-preview-${audience}`}>
      <Text size="xs" fw={700}>{t('documents.previewTitle')}</Text>
      {documents.map((d, i) => (
        <Group key={i} gap={6} wrap="nowrap" justify="space-between">
          {audience === 'desk'
            ? <Checkbox size="xs" label={d.name || d.key} />
            : <Text size="xs">{d.name || d.key}{d.required ? <Text span c="red"> *</Text> : null}</Text>}
          <Group gap={2} wrap="nowrap">
            {d.required ? null : <Badge size="xs" variant="outline" color="gray">{t('documents.optional')}</Badge>}
            <Text size="xs" c="dimmed" data-testid="document-rule">{(d.acceptedTypes ?? ['application/pdf', 'image/jpeg', 'image/png']).map(typeLabel).join(', ')}{d.maxBytes ? ` ≤ ${d.maxBytes / megabyte} MB` : ''}</Text>
            {audience === 'citizen' && <Button size="compact-xs" variant="default" tabIndex={-1}>{t('documents.upload')}</Button>}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
