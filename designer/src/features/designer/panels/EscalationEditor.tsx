import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n';
import { definitionExtras, escalationActions, type Definition, type EscalationRung } from '../model/document';

const offset = /^[+-]?\d+(d|h)$/;

/**
 * The escalation ladder of the procedure's steps: each rung fires a working-time offset from a step's due
 * instant ("-1d" a day before, "4h" four working hours after) and takes one action (engine/Sla).
 */
export function EscalationEditor({ def, onChange }: { def: Definition; onChange: (def: Definition) => void }) {
  const { t } = useI18n();
  const rungs = definitionExtras(def).escalation ?? [];
  const set = (next: EscalationRung[]) => onChange({ ...def, escalation: next.length ? next : null } as Definition);
  const update = (i: number, patch: Partial<EscalationRung>) => set(rungs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4} data-testid="escalation-editor">
      <Text size="sm" fw={500}>{t('escalation.title')}</Text>
      <Text size="xs" c="dimmed">{t('escalation.help')}</Text>
      {rungs.map((r, i) => (
        <Group key={i} gap={4} wrap="nowrap" align="flex-start" data-testid={`rung-${i}`}>
          <TextInput size="xs" w={60} ff="monospace" value={r.after ?? ''} aria-label={t('escalation.after')} placeholder="-1d" data-testid="rung-after"
            error={r.after && !offset.test(r.after) ? t('escalation.badOffset') : undefined}
            onChange={(e) => update(i, { after: e.currentTarget.value.trim() || null })} />
          <Select size="xs" style={{ flex: 1 }} data={escalationActions.map((a) => ({ value: a, label: t(`escalation.${a}`) }))} value={r.action ?? null}
            onChange={(a) => update(i, { action: a, role: a === 'reassign' ? r.role ?? null : null })} allowDeselect={false} aria-label={t('escalation.action')} data-testid="rung-action" />
          {r.action === 'reassign' && (
            <Select size="xs" w={100} data={def.roles.map((x) => ({ value: x.id ?? '', label: x.name || x.id || '' }))} value={r.role ?? null} clearable
              onChange={(role) => update(i, { role })} aria-label={t('escalation.role')} placeholder={t('escalation.role')} data-testid="rung-role" />
          )}
          <ActionIcon size="sm" variant="subtle" color="red" onClick={() => set(rungs.filter((_, j) => j !== i))} aria-label={t('common.remove')}>✕</ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="light" data-testid="add-rung"
        onClick={() => set([...rungs, { after: rungs.length === 0 ? '-1d' : '0h', action: rungs.length === 0 ? 'notify-assignee' : 'notify-unit-leader' }])}>{t('escalation.add')}</Button>
    </Stack>
  );
}
