import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n';
import { slugify, type Definition } from '../model/document';
import { EscalationEditor } from './EscalationEditor';
import { WorkingDurationInput } from './WorkingDurationInput';

/** The procedure itself: name, legal deadline, description, and the roles its steps are assigned to. */
export function ProcedurePanel({ def, directoryRoles, onChange }: { def: Definition; directoryRoles: readonly string[]; onChange: (def: Definition) => void }) {
  const { t } = useI18n();
  const setRole = (i: number, patch: { id?: string; name?: string }) =>
    onChange({ ...def, roles: def.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Stack gap="xs" data-testid="procedure-panel">
      <Title order={5}>{t('procedure.title')}</Title>
      <TextInput label={t('list.id')} value={def.id} readOnly ff="monospace" />
      <TextInput label={t('list.name')} value={def.name} onChange={(e) => onChange({ ...def, name: e.currentTarget.value })} />
      <WorkingDurationInput label={t('procedure.deadline')} value={def.deadline ?? ''} onChange={(deadline) => onChange({ ...def, deadline })} testId="procedure-deadline" />
      <Textarea label={t('step.description')} autosize minRows={2} value={def.description ?? ''} onChange={(e) => onChange({ ...def, description: e.currentTarget.value || null })} />
      <Text size="sm" fw={500}>{t('procedure.roles')}</Text>
      <Text size="xs" c="dimmed">{t('procedure.rolesHelp')}</Text>
      {def.roles.map((r, i) => (
        <Group key={i} gap={4} wrap="nowrap">
          {/* Role ids are matched against the directory's users: offer the roles officials actually hold. */}
          <Autocomplete size="xs" w={130} ff="monospace" value={r.id ?? ''} onChange={(id) => setRole(i, { id: slugify(id) })} aria-label={t('list.id')}
            data={directoryRoles.filter((d) => d === r.id || !def.roles.some((x) => x.id === d))} data-testid={`role-id-${i}`} />
          <TextInput size="xs" style={{ flex: 1 }} value={r.name ?? ''} onChange={(e) => setRole(i, { name: e.currentTarget.value })} aria-label={t('list.name')} />
          <ActionIcon size="sm" variant="subtle" color="red" onClick={() => onChange({ ...def, roles: def.roles.filter((_, j) => j !== i) })} aria-label={t('common.remove')}>✕</ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="light" onClick={() => onChange({ ...def, roles: [...def.roles, { id: `role-${def.roles.length + 1}`, name: '' }] })}>{t('procedure.addRole')}</Button>
      <EscalationEditor def={def} onChange={onChange} />
    </Stack>
  );
}
