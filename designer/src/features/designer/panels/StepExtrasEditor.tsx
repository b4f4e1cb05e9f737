import { Autocomplete, Divider, NumberInput, Stack, TextInput } from '@mantine/core';
import type { StepDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { stepExtras, type StepFee, type StepTemplate } from '../model/document';

/** Result templates the provinces commonly issue; any other template id may be typed. */
const knownTemplates = ['giay-phep', 'giay-chung-nhan', 'trich-luc', 'ban-sao-chung-thuc', 'van-ban-tu-choi'];

/** A step's fee (in đồng) and the result document template it produces. */
export function StepExtrasEditor({ step, onChange }: { step: StepDocument; onChange: (patch: Partial<StepDocument>) => void }) {
  const { t } = useI18n();
  const { fee, template } = stepExtras(step);
  const setFee = (patch: Partial<StepFee>) => {
    const next = { ...(fee ?? {}), ...patch };
    onChange({ fee: next.amount == null && !next.note ? null : { currency: 'VND', ...next } } as Partial<StepDocument>);
  };
  const setTemplate = (patch: Partial<StepTemplate>) => {
    const next = { ...(template ?? {}), ...patch };
    onChange({ template: next.id ? next : null } as Partial<StepDocument>);
  };
  return (
    <Stack gap={4} data-testid="step-extras">
      <Divider label={t('step.feeAndTemplate')} />
      <NumberInput label={t('step.fee')} description={t('step.feeHelp')} value={fee?.amount ?? ''} min={0} allowDecimal={false} allowNegative={false}
        thousandSeparator="." decimalSeparator="," suffix=" ₫" data-testid="step-fee"
        onChange={(v) => setFee({ amount: typeof v === 'number' ? v : null })} />
      {fee?.amount != null && (
        <TextInput size="xs" label={t('step.feeNote')} value={fee.note ?? ''} onChange={(e) => setFee({ note: e.currentTarget.value || null })} data-testid="step-fee-note" />
      )}
      <Autocomplete label={t('step.template')} description={t('step.templateHelp')} data={knownTemplates} value={template?.id ?? ''}
        onChange={(id) => setTemplate({ id: id.trim() || null })} data-testid="step-template" />
      {template?.id && (
        <TextInput size="xs" label={t('step.templateName')} value={template.name ?? ''} onChange={(e) => setTemplate({ name: e.currentTarget.value || null })} data-testid="step-template-name" />
      )}
    </Stack>
  );
}
