import { ActionIcon, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import type { FieldDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { autoFillOf, dataFitting, fillableFields, fillsOf, nextRow, populationRegistry, withAutoFill, withFills } from '../model/autoFill';

/**
 * On a national-id field: whether the population registry fills other fields once the number is entered, and which
 * field gets which datum. Each row offers only fields a datum fits, and for the chosen field only the data that fit it.
 */
export function AutoFillEditor({ field, fields, onChange }: { field: FieldDocument; fields: readonly FieldDocument[]; onChange: (field: FieldDocument) => void }) {
  const { t } = useI18n();
  const enabled = autoFillOf(field) !== null;
  const rows = fillsOf(field);
  const setRows = (next: [string, string][]) => onChange(withFills(field, next));
  const toggle = (on: boolean) => {
    if (!on) return onChange(withAutoFill(field, null));
    const first = nextRow(fields, field);
    onChange(withFills(withAutoFill(field, { source: populationRegistry, fills: {} }), first ? [first] : []));
  };
  const next = nextRow(fields, field);
  return (
    <Stack gap={4} mt={4} data-testid="autofill">
      <Switch size="xs" label={t('autofill.switch')} checked={enabled} onChange={(e) => toggle(e.currentTarget.checked)} data-testid="autofill-switch" />
      {enabled && (
        <>
          {rows.map(([key, datum], i) => {
            const options = fillableFields(fields, field, key);
            const target = fields.find((f) => f.key === key);
            const data = dataFitting(target?.type);
            return (
              <Group key={i} gap={4} wrap="nowrap" data-testid={`autofill-row-${i}`}>
                <Select size="xs" style={{ flex: 1 }} aria-label={t('autofill.field')} data-testid="autofill-field" allowDeselect={false}
                  data={options.map((f) => ({ value: f.key!, label: f.label ? `${f.label} (${f.key})` : f.key! }))
                    .concat(target || !key ? [] : [{ value: key, label: `${key} ?` }])}
                  value={key || null}
                  onChange={(k) => {
                    if (!k) return;
                    const fits = dataFitting(fields.find((f) => f.key === k)?.type);
                    setRows(rows.map((r, j) => (j === i ? [k, fits.includes(datum as never) ? datum : (fits[0] ?? datum)] : r)));
                  }} />
                <Text size="xs">←</Text>
                <Select size="xs" w={170} aria-label={t('autofill.datum')} data-testid="autofill-datum" allowDeselect={false}
                  data={(data.includes(datum as never) ? data : [...data, datum]).map((d) => ({ value: d, label: t(`datum.${d}` as 'datum.full-name') }))}
                  value={datum}
                  onChange={(d) => d && setRows(rows.map((r, j) => (j === i ? [key, d] : r)))} />
                <ActionIcon size="sm" variant="subtle" color="red" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={t('common.remove')}>✕</ActionIcon>
              </Group>
            );
          })}
          <Button size="compact-xs" variant="subtle" disabled={!next} onClick={() => next && setRows([...rows, next])} data-testid="autofill-add">
            {t('autofill.add')}
          </Button>
          {!next && rows.length === 0 && <Text size="xs" c="dimmed">{t('autofill.noTargets')}</Text>}
        </>
      )}
    </Stack>
  );
}
