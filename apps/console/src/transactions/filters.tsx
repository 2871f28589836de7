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
  useTranslate,
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
  const translate = useTranslate();
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
      label={translate(label)}
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

/** Placeholders are not translated by react-admin: these inputs translate their own. */
const TransactionSearchInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <SearchInput {...props} placeholder={translate('conduit.transactions.placeholders.transaction_id')} />
  );
};

const PatientInput = (props: { source: string }) => {
  const translate = useTranslate();
  return (
    <TextInput
      {...props}
      label="conduit.transactions.labels.patient"
      placeholder={translate('conduit.transactions.placeholders.patient')}
    />
  );
};

/** Every filter is applied by the API (`filter={...}`), none in the browser. */
export const transactionFilters = [
  <TransactionSearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    sort={{ field: 'name', order: 'ASC' }}
    key="merchantId"
    source="merchantId"
    reference="merchants"
    alwaysOn
  >
    <AutocompleteInput
      label="conduit.transactions.labels.merchant"
      optionText={merchantOption}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
  <SelectInput
    key="status"
    source="status"
    label="conduit.transactions.labels.status"
    choices={STATUS_CHOICES}
    alwaysOn
  />,
  <DateInput
    key="createdAt_gte"
    source="createdAt_gte"
    label="conduit.transactions.labels.from"
    alwaysOn
    parse={startOfDay}
  />,
  <DateInput
    key="createdAt_lte"
    source="createdAt_lte"
    label="conduit.transactions.labels.to"
    alwaysOn
    parse={endOfDay}
  />,
  <PatientInput key="patient" source="patient" />,
  <SelectInput
    key="action"
    source="action"
    label="conduit.transactions.labels.action"
    choices={ACTION_CHOICES}
  />,
  <SelectInput
    key="tender"
    source="tender"
    label="conduit.transactions.labels.tender"
    choices={TENDER_CHOICES}
  />,
  <TextInput key="storeId" source="storeId" label="conduit.transactions.labels.store_id" />,
  <TextInput key="terminalId" source="terminalId" label="conduit.transactions.labels.terminal_id" />,
  <AmountInput key="amount_gte" source="amount_gte" label="conduit.transactions.labels.amount_from" />,
  <AmountInput key="amount_lte" source="amount_lte" label="conduit.transactions.labels.amount_to" />,
  <SelectInput
    key="workflowStatus"
    source="workflowStatus"
    label="conduit.transactions.labels.posting_workflow"
    choices={WORKFLOW_STATUS_CHOICES}
  />,
];
