import { Alert, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ValidationProblem } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';

export function ProblemsPanel({ problems, onPick }: { problems: readonly ValidationProblem[]; onPick: (step: string) => void }) {
  const { t } = useI18n();
  if (problems.length === 0) return <Alert color="green" data-testid="no-problems">{t('problems.none')}</Alert>;
  return (
    <Stack gap="xs" data-testid="problems">
      {problems.map((p, i) => (
        <UnstyledButton key={`${p.code}-${p.location}-${i}`} onClick={() => p.step && onPick(p.step)} data-testid="problem" data-code={p.code} data-step={p.step ?? ''}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge color={p.severity === 'error' ? 'red' : 'yellow'} size="sm" style={{ flexShrink: 0 }}>{p.severity === 'error' ? t('problems.error') : t('problems.warning')}</Badge>
            <div>
              <Text size="sm">{p.message}</Text>
              <Text size="xs" c="dimmed" ff="monospace">{p.step ? `${p.step} · ` : ''}{p.code}</Text>
            </div>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
