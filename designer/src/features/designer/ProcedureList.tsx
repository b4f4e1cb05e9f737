import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { api, type ProcedureSummary } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { fiveStepTemplate } from './model/template';
import { slugify } from './model/document';
import { importFile, loadVersion } from './io';
import { preloadEditorWhenIdle } from './preload';
import type { EditorSession } from './DesignerEditor';

const firstScreenMark = 'workflows:first-screen';

export function ProcedureList({ onOpen }: { onOpen: (session: EditorSession) => void }) {
  const { t } = useI18n();
  const [procedures, setProcedures] = useState<ProcedureSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ mode: 'template' } | { mode: 'copy'; from: ProcedureSummary } | null>(null);
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api.GET('/api/procedures').then(({ data }) => (data ? setProcedures(data) : setError(t('list.loadFailed'))))
      .catch(() => setError(t('common.offline')));
  }, [t]);

  // The first screen is there once the list is painted: a mark the browser tests read with the Performance API.
  useEffect(() => {
    if (!procedures) return;
    if (performance.getEntriesByName(firstScreenMark).length === 0) requestAnimationFrame(() => performance.mark(firstScreenMark));
    preloadEditorWhenIdle();
  }, [procedures]);

  const open = async (p: ProcedureSummary) => {
    const version = p.draftVersion ?? p.latestPublishedVersion;
    if (!version) return;
    const loaded = await loadVersion(p.id, version);
    if (!loaded) return setError(t('list.loadFailed'));
    onOpen({ def: loaded.def, positions: null, base: loaded.version, openedAt: Date.now() });
  };

  const create = async () => {
    const procedureId = slugify(id || name);
    if (!procedureId) return;
    if (procedures?.some((p) => p.id === procedureId)) return setError(t('list.idTaken', { id: procedureId }));
    if (creating?.mode === 'copy') {
      const version = creating.from.latestPublishedVersion ?? creating.from.draftVersion;
      const loaded = version ? await loadVersion(creating.from.id, version) : null;
      if (!loaded) return setError(t('list.loadFailed'));
      onOpen({ def: { ...loaded.def, id: procedureId, name: name || loaded.def.name }, positions: null, base: null, openedAt: Date.now() });
    } else {
      onOpen({ def: fiveStepTemplate(procedureId, name || procedureId), positions: null, base: null, openedAt: Date.now() });
    }
  };

  const importChosen = async (f: File | undefined) => {
    if (!f) return;
    const result = await importFile(f);
    if (!result.ok) return setError(t(`import.${result.reason}`));
    const existing = procedures?.find((p) => p.id === result.def.id);
    const draft = existing?.draftVersion ? await loadVersion(existing.id, existing.draftVersion) : null;
    onOpen({ def: result.def, positions: result.positions, base: draft?.version ?? null, openedAt: Date.now(), notice: result.skipped.length ? t('import.skipped', { items: result.skipped.join(', ') }) : null });
  };

  return (
    <Stack p="md" gap="md" style={{ overflow: 'auto' }}>
      <Group justify="space-between">
        <Title order={3}>{t('list.title')}</Title>
        <Group>
          <Button onClick={() => { setCreating({ mode: 'template' }); setName(''); setId(''); }} data-testid="new-from-template">{t('list.newFromTemplate')}</Button>
          <Button variant="default" onClick={() => file.current?.click()}>{t('list.import')}</Button>
          <input ref={file} type="file" accept=".json,.bpmn,.xml" hidden data-testid="import-file" onChange={(e) => { void importChosen(e.target.files?.[0]); e.target.value = ''; }} />
        </Group>
      </Group>
      {error && <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="list-error">{error}</Alert>}
      <ScrollArea>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="procedure-list">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('list.name')}</Table.Th><Table.Th>{t('list.id')}</Table.Th><Table.Th>{t('list.published')}</Table.Th><Table.Th>{t('list.draft')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {procedures?.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Text fw={600}>{p.name}</Text></Table.Td>
                <Table.Td><Text ff="monospace" size="sm">{p.id}</Text></Table.Td>
                <Table.Td>{p.latestPublishedVersion ? <Badge color="green">v{p.latestPublishedVersion}</Badge> : '—'}</Table.Td>
                <Table.Td>{p.draftVersion ? <Badge color="yellow">v{p.draftVersion}</Badge> : '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" onClick={() => void open(p)} data-testid={`open-${p.id}`}>{t('list.open')}</Button>
                    <Button size="xs" variant="default" onClick={() => { setCreating({ mode: 'copy', from: p }); setName(`${p.name} (${t('list.copySuffix')})`); setId(`${p.id}-copy`); }}>{t('list.copy')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {procedures?.length === 0 && <Text c="dimmed" p="md">{t('list.empty')}</Text>}
      </ScrollArea>
      <Modal opened={creating !== null} onClose={() => setCreating(null)} title={creating?.mode === 'copy' ? t('list.copyTitle') : t('list.newFromTemplate')}>
        <Stack>
          <TextInput label={t('list.name')} value={name} onChange={(e) => { setName(e.currentTarget.value); if (creating?.mode === 'template') setId(slugify(e.currentTarget.value)); }} data-autofocus data-testid="new-name" />
          <TextInput label={t('list.id')} description={t('list.idHint')} value={id} onChange={(e) => setId(e.currentTarget.value)} data-testid="new-id" />
          <Button onClick={() => void create()} disabled={!slugify(id || name)} data-testid="create-procedure">{t('common.create')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
