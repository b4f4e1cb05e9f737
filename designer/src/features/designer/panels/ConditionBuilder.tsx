import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FieldDocument } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { conditionToText, operatorNeedsValue, operators, parseCondition, type BuiltCondition, type Operator } from '../model/conditions';

const functions = ['isEmpty(', 'len(', 'contains(', 'startsWith(', 'lower(', 'upper(', 'date(', 'daysBetween(', 'round(', 'min(', 'max('];

/**
 * Rows of field / operator / value over the form's fields, written as condition-language text; the text view
 * shows (and accepts) the expression itself, with completion of field names and functions.
 */
export function ConditionBuilder({ value, fields, onChange }: { value: string; fields: readonly FieldDocument[]; onChange: (text: string) => void }) {
  const { t } = useI18n();
  const parsed = parseCondition(value);
  const [mode, setMode] = useState<'builder' | 'text'>(parsed ? 'builder' : 'text');
  const [built, setBuilt] = useState<BuiltCondition>(parsed ?? { join: 'and', rows: [] });
  useEffect(() => {
    const again = parseCondition(value);
    if (again) setBuilt(again);
  }, [value]);

  const commit = (next: BuiltCondition) => {
    setBuilt(next);
    onChange(conditionToText({ ...next, rows: next.rows.filter((r) => r.field) }, fields));
  };
  const fieldOptions = fields.filter((f) => f.key).map((f) => ({ value: f.key ?? '', label: `${f.label ?? f.key} (${f.key})` }));
  const words = [...fields.map((f) => f.key ?? ''), ...functions];
  const lastWord = /[\p{L}_][\p{L}\p{N}_]*$/u.exec(value)?.[0] ?? '';
  const suggestions = lastWord ? words.filter((w) => w.startsWith(lastWord) && w !== lastWord).slice(0, 6) : [];

  return (
    <Stack gap="xs" data-testid="condition-builder">
      <SegmentedControl size="xs" value={mode} onChange={(m) => setMode(m as 'builder' | 'text')}
        data={[{ value: 'builder', label: t('condition.builder'), disabled: !parsed }, { value: 'text', label: t('condition.text') }]} />
      {mode === 'builder' ? (
        <>
          {built.rows.length > 1 && (
            <SegmentedControl size="xs" value={built.join} onChange={(j) => commit({ ...built, join: j as 'and' | 'or' })}
              data={[{ value: 'and', label: t('condition.all') }, { value: 'or', label: t('condition.any') }]} />
          )}
          {built.rows.map((row, i) => {
            const field = fields.find((f) => f.key === row.field);
            const update = (patch: Partial<typeof row>) => commit({ ...built, rows: built.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
            return (
              <Group key={i} gap={4} wrap="nowrap" data-testid="condition-row">
                <Select size="xs" w={130} placeholder={t('condition.field')} data={fieldOptions} value={row.field || null} onChange={(f) => update({ field: f ?? '' })} searchable aria-label={t('condition.field')} />
                <Select size="xs" w={90} data={operators.map((o) => ({ value: o, label: t(`op.${o}` as 'op.==') }))} value={row.operator} onChange={(o) => update({ operator: (o ?? '==') as Operator })} aria-label={t('condition.operator')} data-testid="condition-operator" />
                {operatorNeedsValue(row.operator) && (field?.type === 'select' && !row.operator.includes('in')
                  ? <Select size="xs" w={110} data={field.options ?? []} value={row.value || null} onChange={(v) => update({ value: v ?? '' })} aria-label={t('condition.value')} />
                  : <TextInput size="xs" w={110} value={row.value} onChange={(e) => update({ value: e.currentTarget.value })} placeholder={field?.type === 'date' ? 'yyyy-mm-dd' : row.operator.includes('in') ? 'a, b' : ''} aria-label={t('condition.value')} />)}
                <ActionIcon size="sm" variant="subtle" color="red" onClick={() => commit({ ...built, rows: built.rows.filter((_, j) => j !== i) })} aria-label={t('common.remove')}>✕</ActionIcon>
              </Group>
            );
          })}
          <Button size="compact-xs" variant="light" onClick={() => setBuilt({ ...built, rows: [...built.rows, { field: fields[0]?.key ?? '', operator: '==', value: '' }] })} data-testid="add-condition-row">
            {t('condition.addRow')}
          </Button>
          {fieldOptions.length === 0 && <Text size="xs" c="dimmed">{t('condition.noFields')}</Text>}
          <Text size="xs" ff="monospace" c="dimmed" data-testid="condition-text">{value || '—'}</Text>
        </>
      ) : (
        <>
          <Textarea size="xs" autosize minRows={2} ff="monospace" value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid="condition-expression" aria-label={t('condition.text')} />
          {suggestions.length > 0 && (
            <Group gap={4}>
              {suggestions.map((s) => (
                <Button key={s} size="compact-xs" variant="default" onClick={() => onChange(value.slice(0, value.length - lastWord.length) + s)}>{s}</Button>
              ))}
            </Group>
          )}
          <Text size="xs" c="dimmed">{t('condition.textHelp')}</Text>
        </>
      )}
    </Stack>
  );
}
