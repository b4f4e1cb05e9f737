import { useEffect, useState } from 'react';
import { Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { api, type DefinitionVersion, type Schemas } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { MigrationPanel } from './MigrationPanel';

type RunningCount = Schemas['VersionDossierCount'];

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : '—');

/** Versions with who/when and running dossiers; pick two to see their differences on the canvas. */
export function VersionsPanel({ procedureId, refreshKey, onDiff, onOpen }: {
  procedureId: string;
  refreshKey: number;
  onDiff: (before: number, after: number) => void;
  onOpen: (version: number) => void;
}) {
  const { t } = useI18n();
  const [versions, setVersions] = useState<DefinitionVersion[]>([]);
  const [running, setRunning] = useState<RunningCount[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    void api.GET('/api/procedures/{procedureId}/versions', { params: { path: { procedureId } } }).then(({ data }) => setVersions(data ?? []));
    void api.GET('/api/procedures/{procedureId}/running-dossiers', { params: { path: { procedureId } } }).then(({ data }) => setRunning(data ?? []));
  }, [procedureId, refreshKey, reload]);
  const toggle = (v: number, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== v), v].slice(-2) : p.filter((x) => x !== v)));
  const sorted = [...picked].sort((a, b) => a - b);
  return (
    <Stack gap="xs" data-testid="versions-panel">
      <Title order={5}>{t('versions.title')}</Title>
      {versions.length === 0 && <Text size="sm" c="dimmed">{t('versions.none')}</Text>}
      {versions.length > 0 && (
        <Table fz="xs" verticalSpacing={4} horizontalSpacing={4}>
          <Table.Thead><Table.Tr><Table.Th /><Table.Th>v</Table.Th><Table.Th>{t('versions.status')}</Table.Th><Table.Th>{t('versions.who')}</Table.Th><Table.Th>{t('versions.running')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {[...versions].sort((a, b) => b.version - a.version).map((v) => (
              <Table.Tr key={v.version} data-testid={`version-${v.version}`}>
                <Table.Td><Checkbox size="xs" checked={picked.includes(v.version)} onChange={(e) => toggle(v.version, e.currentTarget.checked)} aria-label={`v${v.version}`} data-testid={`pick-version-${v.version}`} /></Table.Td>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td><Badge size="xs" color={v.status === 'published' ? 'green' : v.status === 'draft' ? 'yellow' : 'gray'}>{t(`versionStatus.${v.status}` as 'versionStatus.draft')}</Badge></Table.Td>
                <Table.Td>
                  <Text size="xs">{v.publishedBy ?? v.createdBy} · {when(v.publishedAt ?? v.updatedAt)}</Text>
                  {v.changeNote && <Text size="xs" c="dimmed">“{v.changeNote}”</Text>}
                </Table.Td>
                <Table.Td>{running.find((r) => r.version === v.version)?.running ?? 0}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => onOpen(v.version)}>{t('list.open')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button size="compact-sm" disabled={sorted.length !== 2} onClick={() => sorted[0] !== undefined && sorted[1] !== undefined && onDiff(sorted[0], sorted[1])} data-testid="show-diff">
          {t('versions.diff')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">{t('versions.diffHelp')}</Text>
      <MigrationPanel procedureId={procedureId} versions={versions} running={running} onDone={() => setReload((r) => r + 1)} />
    </Stack>
  );
}
