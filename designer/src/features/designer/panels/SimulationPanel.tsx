import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { api, asProblem, type SimulationTrace, type Unit } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { toDocument, type Definition } from '../model/document';
import { buildScript, sampleData, stepTimings, type SimulationChoice } from '../model/simulation';

const show = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—';

/**
 * Runs a test dossier through the draft in memory on the server (nothing stored): the analyst picks each
 * outcome and sees the due instant the unit's working calendar gives every step, and the dossier's total.
 */
export function SimulationPanel({ def, units, errors, onWaiting }: { def: Definition; units: readonly Unit[]; errors: number; onWaiting: (steps: ReadonlySet<string>) => void }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<string | null>(units.find((u) => u.kind === 'commune')?.id ?? units[0]?.id ?? null);
  const [submittedAt, setSubmittedAt] = useState('2026-03-02T08:00:00+07:00');
  const [dataText, setDataText] = useState(() => JSON.stringify(sampleData(def), null, 2));
  const [choices, setChoices] = useState<SimulationChoice[] | null>(null);
  const [trace, setTrace] = useState<SimulationTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One run at a time: a second choice clicked before the first answer would be built on the old choices and
  // could overwrite it (two parallel tasks chosen quickly lost the first).
  const [running, setRunning] = useState(false);

  useEffect(() => { if (!unit && units[0]) setUnit(units.find((u) => u.kind === 'commune')?.id ?? units[0].id); }, [units, unit]);

  const run = async (next: SimulationChoice[]) => {
    if (!unit) return;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(dataText) as Record<string, unknown>;
    } catch {
      return setError(t('simulate.badData'));
    }
    setError(null);
    setRunning(true);
    try {
      const { data: result, error: problem } = await api.POST('/api/simulations', {
        body: { definition: toDocument(def), script: buildScript(def, unit, submittedAt, data, next) },
      });
      if (!result) {
        const p = asProblem(problem);
        setError(p.problems?.length ? `${p.detail ?? ''} ${p.problems.map((x) => x.message).join(' ')}` : p.detail ?? t('common.failed'));
        return;
      }
      setChoices(next);
      setTrace(result);
      onWaiting(new Set(result.final?.waitingAt ?? []));
    } catch {
      setError(t('common.offline'));
    } finally {
      setRunning(false);
    }
  };

  const waiting = trace?.final?.waitingAt ?? [];
  const timings = trace ? stepTimings(trace) : [];
  const stepName = (id: string) => def.steps.find((s) => s.id === id)?.name ?? id;

  return (
    <Stack gap="xs" data-testid="simulation-panel">
      <Title order={5}>{t('simulate.title')}</Title>
      {errors > 0 && <Alert color="yellow">{t('simulate.fixFirst')}</Alert>}
      <Select size="xs" label={t('simulate.unit')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={unit} onChange={setUnit} allowDeselect={false} />
      <TextInput size="xs" label={t('simulate.submittedAt')} value={submittedAt} onChange={(e) => setSubmittedAt(e.currentTarget.value)} ff="monospace" />
      <Textarea size="xs" label={t('simulate.data')} autosize minRows={3} maxRows={8} ff="monospace" value={dataText} onChange={(e) => setDataText(e.currentTarget.value)} />
      <Group>
        <Button size="compact-sm" onClick={() => void run([])} disabled={errors > 0 || !unit || running} data-testid="simulate-start">{choices ? t('simulate.restart') : t('simulate.start')}</Button>
        {choices && choices.length > 0 && <Button size="compact-sm" variant="default" disabled={running} onClick={() => void run(choices.slice(0, -1))}>{t('simulate.back')}</Button>}
      </Group>
      {error && <Alert color="red" data-testid="simulation-error">{error}</Alert>}
      {trace && (
        <>
          {trace.failure && <Alert color="red">{trace.failure}</Alert>}
          <Group gap="xs">
            <Badge data-testid="simulation-status">{t(`dossierStatus.${trace.final?.status ?? 'new'}` as 'dossierStatus.new')}</Badge>
            <Text size="xs">{t('simulate.dossierDue')}: <b data-testid="simulation-total">{show(trace.final?.dueAt)}</b></Text>
            {trace.final?.completedAt && <Text size="xs">{t('simulate.completed')}: <b>{show(trace.final.completedAt)}</b></Text>}
          </Group>
          {waiting.map((stepId) => {
            const step = def.steps.find((s) => s.id === stepId);
            return (
              <Stack key={stepId} gap={4} p={6} style={{ border: '1px solid #b2f2bb', borderRadius: 4 }} data-testid={`waiting-${stepId}`}>
                <Text size="sm" fw={600}>{t('simulate.waitingAt')}: {stepName(stepId)}</Text>
                <Group gap={4}>
                  {step?.kind === 'timer'
                    ? <Button size="compact-xs" disabled={running} onClick={() => void run([...(choices ?? []), { step: stepId, timer: true }])}>{t('simulate.fireTimer')}</Button>
                    : (step?.outcomes ?? []).map((o) => (
                      <Button key={o} size="compact-xs" variant="light" disabled={running} onClick={() => void run([...(choices ?? []), { step: stepId, outcome: o }])} data-testid={`choose-${stepId}-${o}`}>{o}</Button>
                    ))}
                </Group>
              </Stack>
            );
          })}
          <Table fz="xs" verticalSpacing={2} horizontalSpacing={4} data-testid="simulation-timings">
            <Table.Thead><Table.Tr><Table.Th>{t('simulate.step')}</Table.Th><Table.Th>{t('simulate.started')}</Table.Th><Table.Th>{t('simulate.due')}</Table.Th><Table.Th>{t('simulate.done')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {timings.map((s) => (
                <Table.Tr key={s.instance}>
                  <Table.Td>{stepName(s.step)}{s.outcome ? ` → ${s.outcome}` : ''}</Table.Td>
                  <Table.Td>{show(s.startedAt)}</Table.Td>
                  <Table.Td>{show(s.dueAt)}</Table.Td>
                  <Table.Td>{show(s.completedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
