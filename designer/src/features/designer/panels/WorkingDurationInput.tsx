import { TextInput } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n';
import { readWorkingDuration } from '../model/duration';

/**
 * A working-time duration typed the way definitions store it ("3d", "4h", "same-day@15:00"), with what it means
 * written underneath in words, or what is wrong with it, before the server validator answers.
 */
export function WorkingDurationInput({ label, value, onChange, testId }: { label: string; value: string; onChange: (text: string | null) => void; testId: string }) {
  const { t, language } = useI18n();
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const reading = value.trim() ? readWorkingDuration(value) : null;
  const meaning = !reading ? null
    : reading.kind === 'same-day' ? (reading.cutoff ? t('duration.sameDayCutoff', { time: reading.cutoff }) : t('duration.sameDay'))
    : t(reading.kind === 'days' ? 'duration.days' : 'duration.hours', { count: number(reading.amount) });
  return (
    <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value || null)} data-testid={testId}
      description={meaning ? `= ${meaning}` : t('step.budgetHelp')}
      error={value.trim() && !reading ? t('duration.invalid') : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      descriptionProps={{ 'data-testid': `${testId}-meaning` } as Record<string, string>} />
  );
}
