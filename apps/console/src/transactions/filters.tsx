import { useEffect, useState, type ChangeEvent } from 'react';
import { TextField } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  InputHelperText,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  useInput,
} from 'react-admin';
import type { Merchant } from '../api/types';
import { endOfDay, startOfDay } from '../common/dates';
import { ACTION_CHOICES, STATUS_CHOICES, TENDER_CHOICES, WORKFLOW_STATUS_CHOICES } from './constants';
import { amountFormat, cleanAmount, toDecimal } from './format';

const merchantOption = (merchant: Merchant) => `${merchant.merchantId} · ${merchant.name}`;

interface AmountInputProps {
  source: string;
  label: string;
  /** Set by the filter form. */
  size?: 'small' | 'medium';
}

/**
 * Dollars and cents. The filter always holds the API's decimal form ("10" typed → "10.00" sent);
 * the field keeps showing what was typed until it loses focus.
 */
const AmountInput = ({ source, label, size = 'small' }: AmountInputProps) => {
  const { field, fieldState, id } = useInput({ source, validate: amountFormat });
  const stored = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = useState(stored);
  // Follow changes made elsewhere (filters cleared, a link with a filter), not our own normalizing.
  useEffect(() => {
    setText((typed) => (toDecimal(cleanAmount(typed)) === stored ? typed : stored));
  }, [stored]);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    field.onChange(toDecimal(cleanAmount(event.target.value)));
  };
  const blur = () => {
    setText(stored);
    field.onBlur();
  };
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      label={label}
      value={text}
      onChange={change}
      onBlur={blur}
      size={size}
      error={fieldState.invalid}
      helperText={
        fieldState.invalid ? <InputHelperText error={fieldState.error?.message} helperText={false} /> : null
      }
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ width: 160 }}
    />
  );
};

/** Every filter is applied by the API (`filter={...}`), none in the browser. */
export const transactionFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Transaction ID" />,
  <ReferenceInput
    sort={{ field: 'name', order: 'ASC' }}
    key="merchantId"
    source="merchantId"
    reference="merchants"
    alwaysOn
  >
    <AutocompleteInput label="Merchant" optionText={merchantOption} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} alwaysOn />,
  <DateInput key="createdAt_gte" source="createdAt_gte" label="From" alwaysOn parse={startOfDay} />,
  <DateInput key="createdAt_lte" source="createdAt_lte" label="To" alwaysOn parse={endOfDay} />,
  <TextInput key="patient" source="patient" label="Patient" placeholder="ID, account number or name" />,
  <SelectInput key="action" source="action" label="Action" choices={ACTION_CHOICES} />,
  <SelectInput key="tender" source="tender" label="Tender" choices={TENDER_CHOICES} />,
  <TextInput key="storeId" source="storeId" label="Store ID" />,
  <TextInput key="terminalId" source="terminalId" label="Terminal ID" />,
  <AmountInput key="amount_gte" source="amount_gte" label="Amount from ($)" />,
  <AmountInput key="amount_lte" source="amount_lte" label="Amount to ($)" />,
  <SelectInput
    key="workflowStatus"
    source="workflowStatus"
    label="Posting workflow"
    choices={WORKFLOW_STATUS_CHOICES}
  />,
];
