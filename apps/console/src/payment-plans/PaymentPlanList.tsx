import {
  DataTable,
  DateInput,
  List,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import { EmptyState } from '../common/EmptyState';
import { StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { PLAN_STATES, PLAN_STATUS_CHOICES, PLAN_TYPE_CHOICES } from './constants';
import { ExportPlansButton } from './ExportPlansButton';
import { AmountField, NextDateField, PatientField, PlanMerchantField, ProgressField } from './fields';
import type { PaymentPlan } from './types';

/** Applied by the API; next payment dates are merchant-local calendar days, sent as YYYY-MM-DD. */
const planFilters = (translate: TranslateFunction) => [
  <TextInput
    key="q"
    source="q"
    label="conduit.payment_plans.patient"
    placeholder={translate('conduit.payment_plans.search')}
    alwaysOn
  />,
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={PLAN_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="type" source="type" choices={PLAN_TYPE_CHOICES} />,
  <DateInput key="nextFrom" source="nextPaymentDate_gte" />,
  <DateInput key="nextTo" source="nextPaymentDate_lte" />,
];

const ListActions = () => (
  <TopToolbar>
    <ExportPlansButton />
  </TopToolbar>
);

const Column = DataTable.Col<PaymentPlan>;

export const PaymentPlanList = () => {
  const translate = useTranslate();
  return (
    <List<PaymentPlan>
      filters={planFilters(translate)}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<EventRepeatIcon />}
          title="conduit.payment_plans.empty_title"
          description="conduit.payment_plans.empty_description"
          create={false}
        />
      }
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
      >
        <Column source="patientLastName" label="conduit.payment_plans.patient">
          <PatientField />
        </Column>
        <Column source="merchantName" disableSort>
          <PlanMerchantField />
        </Column>
        <Column source="type" disableSort>
          <TextField source="type" />
        </Column>
        <Column source="status">
          <StatusChipField source="status" states={PLAN_STATES} />
        </Column>
        <Column source="installmentCents" align="right">
          <AmountField source="installmentAmount" />
        </Column>
        <Column source="installmentsPaid" disableSort>
          <ProgressField />
        </Column>
        <Column source="remainingBalance" align="right" disableSort>
          <AmountField source="remainingBalance" />
        </Column>
        <Column source="nextPaymentDate">
          <NextDateField />
        </Column>
      </DataTable>
    </List>
  );
};
