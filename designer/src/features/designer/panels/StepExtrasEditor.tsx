import { useEffect, useState } from 'react';
import { Divider, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { StepDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { stepExtras, type StepFee } from '../model/document';
import { templateOptions, type ResultTemplateOption } from '../model/resultTemplates';
import { loadResultTemplates } from '../io';

/** A step's fee (in đồng) and the result document template it produces. */
export function StepExtrasEditor({ step, onChange }: { step: StepDocument; onChange: (patch: Partial<StepDocument>) => void }) {
  const { t } = useI18n();
  const { fee, template } = stepExtras(step);
  const setFee = (patch: Partial<StepFee>) => {
    const next = { ...(fee ?? {}), ...patch };
    onChange({ fee: next.amount == null && !next.note ? null : { currency: 'VND', ...next } } as Partial<StepDocument>);
  };
  // The host prints only the templates it lists (and refuses others as unknown-template), so the analyst picks one.
  const [templates, setTemplates] = useState<ResultTemplateOption[] | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    loadResultTemplates().then((list) => live && setTemplates(list), () => live && setTemplates('failed'));
    return () => { live = false; };
  }, []);
  const list = Array.isArray(templates) ? templates : [];
  const setTemplate = (id: string | null) => {
    const chosen = list.find((x) => x.id === id);
    onChange({ template: id ? { ...(template ?? {}), id, name: chosen?.name ?? template?.name ?? null } : null } as Partial<StepDocument>);
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
      <Select label={t('step.template')} searchable clearable value={template?.id ?? null} onChange={setTemplate} data-testid="step-template"
        description={templates === 'failed' ? t('step.templatesUnavailable') : templates === 'loading' ? t('step.templateLoading') : t('step.templateHelp')}
        data={templateOptions(list, template?.id, (id) => t('step.templateUnknown', { id }))} />
    </Stack>
  );
}
