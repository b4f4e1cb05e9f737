import { useEffect, useState } from 'react';
import { ActionIcon, Button, Divider, Group, MultiSelect, Radio, Select, Stack, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { StepDocument, StepKind, TransitionDocument, Unit } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { dossierStatuses, humanKinds, slugify, stepKinds, type Definition } from '../model/document';
import { ConditionBuilder } from './ConditionBuilder';
import { StepExtrasEditor } from './StepExtrasEditor';
import { WorkingDurationInput } from './WorkingDurationInput';

export interface StepPanelProps {
  def: Definition;
  step: StepDocument;
  units: readonly Unit[];
  onChange: (patch: Partial<StepDocument>) => void;
  onRename: (to: string) => void;
  onTransitions: (transitions: TransitionDocument[]) => void;
}

/** Everything about one step, edited in place: no JSON. */
export function StepPanel({ def, step, units, onChange, onRename, onTransitions }: StepPanelProps) {
  const { t } = useI18n();
  const id = step.id ?? '';
  const [idText, setIdText] = useState(id);
  useEffect(() => setIdText(id), [id]);
  const kind = step.kind ?? 'task';
  const human = humanKinds.has(kind);
  const fieldKeys = def.form.fields.map((f) => f.key ?? '').filter((k) => k);
  const targets = def.steps.filter((s) => s.id !== id && s.kind !== 'start').map((s) => ({ value: s.id ?? '', label: s.name || s.id || '' }));
  const outgoing = def.transitions.map((tr, index) => ({ tr, index })).filter(({ tr }) => tr.from === id);

  const setTarget = (outcome: string, to: string | null) => {
    const rest = def.transitions.filter((tr) => !(tr.from === id && tr.outcome === outcome));
    onTransitions(to ? [...rest, { from: id, to, outcome }] : rest);
  };
  const updateTransition = (index: number, patch: Partial<TransitionDocument>) =>
    onTransitions(def.transitions.map((tr, i) => (i === index ? { ...tr, ...patch } : tr)));
  const setDefault = (index: number) =>
    onTransitions(def.transitions.map((tr, i) => (tr.from === id ? { ...tr, default: i === index, condition: i === index ? null : tr.condition } : tr)));
  const setEntries = Object.entries(step.set ?? {});

  return (
    <Stack gap="xs" data-testid="step-panel">
      <Title order={5}>{t('step.title')}</Title>
      <TextInput label={t('step.name')} value={step.name ?? ''} onChange={(e) => onChange({ name: e.currentTarget.value })} data-testid="step-name" />
      <TextInput label={t('step.id')} value={idText} onChange={(e) => setIdText(e.currentTarget.value)}
        onBlur={() => { const next = slugify(idText); if (next && next !== id && !def.steps.some((s) => s.id === next)) onRename(next); else setIdText(id); }} ff="monospace" />
      <Select label={t('step.kind')} data={stepKinds.map((k) => ({ value: k, label: t(`kind.${k}` as 'kind.task') }))} value={kind} onChange={(k) => k && onChange({ kind: k as StepKind })} allowDeselect={false} />
      {human && (
        <>
          <Select label={t('step.role')} data={def.roles.map((r) => ({ value: r.id ?? '', label: r.name ? `${r.name} (${r.id})` : r.id ?? '' }))} value={step.role ?? null} onChange={(r) => onChange({ role: r })} data-testid="step-role" searchable />
          <Select label={t('step.unit')} description={t('step.unitHelp')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={step.unit ?? null} onChange={(u) => onChange({ unit: u })} clearable searchable data-testid="step-unit" />
          <WorkingDurationInput label={t('step.budget')} value={step.budget ?? ''} onChange={(budget) => onChange({ budget })} testId="step-budget" />
          <TagsInput label={t('step.outcomes')} value={step.outcomes ?? []} onChange={(o) => onChange({ outcomes: o.map(slugify).filter((x) => x) })} data-testid="step-outcomes" />
          {(step.outcomes ?? []).length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('step.targets')}</Text>
              {(step.outcomes ?? []).map((outcome) => (
                <Group key={outcome} gap={4} wrap="nowrap">
                  <Text size="xs" w={80} ff="monospace" truncate>{outcome}</Text>
                  <Select size="xs" style={{ flex: 1 }} data={targets} clearable aria-label={`${t('step.targets')} ${outcome}`} data-testid={`target-${outcome}`}
                    value={def.transitions.find((tr) => tr.from === id && tr.outcome === outcome)?.to ?? null} onChange={(to) => setTarget(outcome, to)} />
                </Group>
              ))}
            </Stack>
          )}
          <StepExtrasEditor step={step} onChange={onChange} />
          <MultiSelect label={t('step.fields')} data={fieldKeys} value={step.fields ?? []} onChange={(f) => onChange({ fields: f })} clearable />
          <MultiSelect label={t('step.requiredFields')} data={fieldKeys} value={step.requiredFields ?? []} onChange={(f) => onChange({ requiredFields: f })} clearable />
        </>
      )}
      {!human && kind !== 'end' && (
        <MultiSelect label={t('step.next')} data={targets} value={outgoing.map(({ tr }) => tr.to ?? '')} data-testid="step-next" searchable
          onChange={(next) => onTransitions([
            ...def.transitions.filter((tr) => tr.from !== id || next.includes(tr.to ?? '')),
            ...next.filter((to) => !outgoing.some(({ tr }) => tr.to === to)).map((to) => ({ from: id, to })),
          ])} />
      )}
      {(human || kind === 'end') && (
        <Select label={t('step.status')} data={dossierStatuses.map((s) => ({ value: s, label: t(`status.${s}` as 'status.received') }))} value={step.status ?? null} onChange={(s) => onChange({ status: s })} clearable />
      )}
      {kind === 'timer' && <WorkingDurationInput label={t('step.wait')} value={step.wait ?? ''} onChange={(wait) => onChange({ wait })} testId="step-wait" />}
      {kind === 'automatic' && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('step.assignments')}</Text>
          {setEntries.map(([key, expression], i) => (
            <Group key={i} gap={4} wrap="nowrap">
              <Select size="xs" w={110} data={fieldKeys} value={key} onChange={(k) => k && onChange({ set: Object.fromEntries(setEntries.map(([a, b], j) => (j === i ? [k, b] : [a, b]))) })} aria-label={t('condition.field')} />
              <Text size="xs">=</Text>
              <TextInput size="xs" style={{ flex: 1 }} ff="monospace" value={expression} onChange={(e) => { const v = e.currentTarget.value; onChange({ set: Object.fromEntries(setEntries.map(([a, b], j) => (j === i ? [a, v] : [a, b]))) }); }} aria-label={t('condition.text')} />
              <ActionIcon size="sm" variant="subtle" color="red" onClick={() => onChange({ set: Object.fromEntries(setEntries.filter((_, j) => j !== i)) })} aria-label={t('common.remove')}>✕</ActionIcon>
            </Group>
          ))}
          <Button size="compact-xs" variant="light" disabled={fieldKeys.length === 0}
            onClick={() => { const free = fieldKeys.find((k) => !(k in (step.set ?? {}))); if (free) onChange({ set: { ...(step.set ?? {}), [free]: '""' } }); }}>{t('step.addAssignment')}</Button>
        </Stack>
      )}
      {kind === 'gateway' && (
        <Stack gap="xs" data-testid="gateway-branches">
          <Divider label={t('step.branches')} />
          {outgoing.length === 0 && <Text size="xs" c="dimmed">{t('step.noBranches')}</Text>}
          {outgoing.map(({ tr, index }) => (
            <Stack key={index} gap={4} p={6} style={{ border: '1px solid #dee2e6', borderRadius: 4 }} data-testid={`branch-${tr.to}`}>
              <Group justify="space-between">
                <Text size="sm" fw={600}>→ {def.steps.find((s) => s.id === tr.to)?.name ?? tr.to}</Text>
                <Radio size="xs" label={t('transition.default')} checked={tr.default ?? false} onChange={() => setDefault(index)} data-testid={`default-${tr.to}`} />
              </Group>
              {!tr.default && <ConditionBuilder value={tr.condition ?? ''} fields={def.form.fields} onChange={(condition) => updateTransition(index, { condition })} />}
            </Stack>
          ))}
        </Stack>
      )}
      <Textarea label={t('step.description')} autosize minRows={1} value={step.description ?? ''} onChange={(e) => onChange({ description: e.currentTarget.value || null })} />
    </Stack>
  );
}
