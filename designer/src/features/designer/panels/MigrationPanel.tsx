import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { api, asProblem, type DefinitionVersion, type Schemas } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { loadVersion } from '../io';
import { humanKinds, type Definition } from '../model/document';

type RunningCount = Schemas['VersionDossierCount'];
type MigrationResult = Schemas['MigrationResultDto'];

/** Kinds a dossier can wait in (where a running dossier may stand when it moves). */
const waitingKinds = new Set([...humanKinds, 'timer', 'parallel-join']);

/**
 * Moves the running dossiers of an older version to a published one. Steps kept under the same id need nothing;
 * a waiting step that no longer exists must be mapped to a step of the target, or its dossiers stay where they are.
 */
export function MigrationPanel({ procedureId, versions, running, onDone }: {
  procedureId: string;
  versions: readonly DefinitionVersion[];
  running: readonly RunningCount[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const published = useMemo(() => versions.filter((v) => v.status === 'published').map((v) => v.version).sort((a, b) => b - a), [versions]);
  const sources = running.filter((r) => r.running > 0).map((r) => r.version);
  const [to, setTo] = useState<number | null>(published[0] ?? null);
  const [from, setFrom] = useState<number | null>(null);
  const [defs, setDefs] = useState<{ from: Definition; to: Definition } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [result, setResult] = useState<MigrationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => { if (to === null && published[0] !== undefined) setTo(published[0]); }, [published, to]);
  useEffect(() => {
    setDefs(null);
    setMapping({});
    if (from === null || to === null || from === to) return;
    let live = true;
    void Promise.all([loadVersion(procedureId, from), loadVersion(procedureId, to)]).then(([a, b]) => {
      if (live && a && b) setDefs({ from: a.def, to: b.def });
    });
    return () => { live = false; };
  }, [procedureId, from, to]);

  const targetIds = new Set(defs?.to.steps.map((s) => s.id ?? '') ?? []);
  const gone = defs?.from.steps.filter((s) => waitingKinds.has(s.kind ?? '') && !targetIds.has(s.id ?? '')) ?? [];
  const targets = defs?.to.steps.filter((s) => waitingKinds.has(s.kind ?? '')).map((s) => ({ value: s.id ?? '', label: `${s.name || s.id} (${s.id})` })) ?? [];

  const launch = async () => {
    if (from === null || to === null) return;
    setBusy(true);
    setError(null);
    try {
      const { data, error: problem } = await api.POST('/api/procedures/{procedureId}/versions/{version}/migrations', {
        params: { path: { procedureId, version: to } },
        body: { fromVersion: from, mapping: Object.keys(mapping).length ? mapping : null, dossiers: null },
      });
      if (data) { setResult(data); onDone(); } else setError(asProblem(problem).detail ?? t('common.failed'));
    } catch {
      setError(t('common.offline'));
    } finally {
      setBusy(false);
    }
  };

  if (published.length === 0) return null;
  return (
    <Stack gap={6} data-testid="migration-panel">
      <Title order={6}>{t('migration.title')}</Title>
      {sources.length === 0 ? <Text size="xs" c="dimmed">{t('migration.nothing')}</Text> : (
        <>
          <Group gap={4} wrap="nowrap">
            <Select size="xs" style={{ flex: 1 }} label={t('migration.from')} placeholder="v…" data-testid="migration-from" value={from === null ? null : String(from)}
              data={sources.map((v) => ({ value: String(v), label: `v${v} · ${t('migration.runningCount', { count: running.find((r) => r.version === v)?.running ?? 0 })}` }))}
              onChange={(v) => { setFrom(v === null ? null : Number(v)); setResult(null); }} />
            <Select size="xs" style={{ flex: 1 }} label={t('migration.to')} data-testid="migration-to" value={to === null ? null : String(to)} allowDeselect={false}
              data={published.map((v) => ({ value: String(v), label: `v${v}` }))} onChange={(v) => { setTo(v === null ? null : Number(v)); setResult(null); }} />
          </Group>
          {from !== null && from === to && <Text size="xs" c="red">{t('migration.same')}</Text>}
          {defs && (gone.length === 0
            ? <Text size="xs" c="dimmed" data-testid="migration-no-mapping">{t('migration.noMapping')}</Text>
            : (
              <Stack gap={4} data-testid="migration-mapping">
                <Text size="xs">{t('migration.mappingHelp')}</Text>
                {gone.map((s) => (
                  <Group key={s.id} gap={4} wrap="nowrap">
                    <Text size="xs" w={120} truncate ff="monospace">{s.id}</Text>
                    <Text size="xs">→</Text>
                    <Select size="xs" style={{ flex: 1 }} data={targets} clearable value={mapping[s.id ?? ''] ?? null} data-testid={`map-${s.id}`} aria-label={`${s.id} →`}
                      onChange={(v) => setMapping((m) => { const next = { ...m }; if (v) next[s.id ?? ''] = v; else delete next[s.id ?? '']; return next; })} />
                  </Group>
                ))}
              </Stack>
            ))}
          <Button size="compact-sm" color="orange" disabled={!defs || busy} loading={busy} onClick={() => void launch()} data-testid="launch-migration">
            {t('migration.launch')}
          </Button>
        </>
      )}
      {error && <Alert color="red" py={4} data-testid="migration-error">{error}</Alert>}
      {result && (
        <Alert color={result.refused > 0 ? 'yellow' : 'green'} py={4} data-testid="migration-result" data-migrated={result.migrated} data-refused={result.refused}>
          {t('migration.result', { migrated: result.migrated, refused: result.refused })}
          {result.refused > 0 && (
            <List size="xs">{result.dossiers.filter((d) => !d.migrated).map((d) => <List.Item key={d.dossier}>{d.dossier}: {d.problem}</List.Item>)}</List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
