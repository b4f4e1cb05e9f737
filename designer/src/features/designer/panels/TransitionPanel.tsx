import { Checkbox, Select, Stack, Text, Title } from '@mantine/core';
import type { TransitionDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { humanKinds, stepById, type Definition } from '../model/document';
import { ConditionBuilder } from './ConditionBuilder';

export function TransitionPanel({ def, index, onChange }: { def: Definition; index: number; onChange: (patch: Partial<TransitionDocument>) => void }) {
  const { t } = useI18n();
  const transition = def.transitions[index];
  if (!transition) return null;
  const source = stepById(def, transition.from ?? '');
  const steps = def.steps.map((s) => ({ value: s.id ?? '', label: s.name || s.id || '' }));
  return (
    <Stack gap="sm" data-testid="transition-panel">
      <Title order={5}>{t('transition.title')}</Title>
      <Select label={t('transition.from')} data={steps} value={transition.from ?? null} onChange={(v) => onChange({ from: v })} />
      <Select label={t('transition.to')} data={steps} value={transition.to ?? null} onChange={(v) => onChange({ to: v })} />
      {source && humanKinds.has(source.kind ?? '') && (
        <Select label={t('transition.outcome')} data={source.outcomes ?? []} value={transition.outcome ?? null} onChange={(v) => onChange({ outcome: v })} clearable />
      )}
      {source?.kind === 'gateway' && (
        <>
          <Checkbox label={t('transition.default')} checked={transition.default ?? false} onChange={(e) => onChange({ default: e.currentTarget.checked, condition: e.currentTarget.checked ? null : transition.condition })} data-testid="transition-default" />
          {!transition.default && (
            <>
              <Text size="sm" fw={500}>{t('transition.condition')}</Text>
              <ConditionBuilder value={transition.condition ?? ''} fields={def.form.fields} onChange={(condition) => onChange({ condition })} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
