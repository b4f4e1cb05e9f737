import { Button, Stack, Text, Tooltip } from '@mantine/core';
import type { StepKind } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { stepKinds } from '../model/document';
import { paletteDragType } from '../canvas/FlowCanvas';

/** One button per step kind; a click adds the step (connected after the selected one, when one is selected), a drag drops it where it is let go. */
export function Palette({ onAdd, disabled }: { onAdd: (kind: StepKind) => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Stack gap={4} p="xs" w={150} style={{ borderRight: '1px solid #dee2e6', overflowY: 'auto' }} data-testid="palette">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">{t('palette.title')}</Text>
      {stepKinds.map((kind) => (
        <Tooltip key={kind} label={t(`kindHelp.${kind}` as 'kindHelp.task')} position="right" multiline w={220} openDelay={400}>
          <Button size="compact-sm" variant="light" justify="flex-start" className="palette-item" disabled={disabled} onClick={() => onAdd(kind)} data-testid={`add-${kind}`}
            draggable={!disabled} onDragStart={(e) => { e.dataTransfer.setData(paletteDragType, kind); e.dataTransfer.effectAllowed = 'copy'; }}>
            {t(`kind.${kind}` as 'kind.task')}
          </Button>
        </Tooltip>
      ))}
      <Text size="xs" c="dimmed" mt="sm">{t('palette.drag')}</Text>
      <Text size="xs" c="dimmed">{t('palette.shortcuts')}</Text>
    </Stack>
  );
}
