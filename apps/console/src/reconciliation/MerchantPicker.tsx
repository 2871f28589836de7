import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import type { Merchant } from '../api/types';
import { merchantOption } from '../common/filters';

export interface MerchantPickerProps {
  /** The 13-digit MerchantID, or null for every merchant the role can see. */
  value: string | null;
  onChange: (merchantId: string | null) => void;
}

/** Searches merchants on the server as one types (a platform admin may see a great many). */
export const MerchantPicker = ({ value, onChange }: MerchantPickerProps) => {
  const translate = useTranslate();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const { data: found = [], isPending } = useGetList<Merchant>('merchants', {
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'name', order: 'ASC' },
    filter: search ? { q: search } : {},
  });
  const { data: selected } = useGetOne<Merchant>(
    'merchants',
    { id: value ?? '' },
    { enabled: Boolean(value) },
  );
  const options = useMemo(
    () => (selected && !found.some((m) => m.id === selected.id) ? [selected, ...found] : found),
    [found, selected],
  );
  return (
    <Autocomplete<Merchant>
      options={options}
      value={value ? (selected ?? null) : null}
      loading={isPending}
      getOptionLabel={merchantOption}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      filterOptions={(all) => all}
      onChange={(_event, merchant) => onChange(merchant ? String(merchant.id) : null)}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input' || reason === 'clear') setTyped(reason === 'clear' ? '' : text);
      }}
      sx={{ minWidth: 280, flex: 1, maxWidth: 420 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('conduit.common.merchant')}
          placeholder={translate('conduit.reconciliation.all_merchants')}
        />
      )}
    />
  );
};
