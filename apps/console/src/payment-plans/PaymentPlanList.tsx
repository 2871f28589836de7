import {
  DataTable,
  DateInput,
  List,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
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
const planFilters = [
  <TextInput key="q" source="q" label="Patient" placeholder="Name, PatientID or PaymentPlanID" alwaysOn />,
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
  <SelectArrayInput key="status" source="status" label="Status" choices={PLAN_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="type" source="type" label="Type" choices={PLAN_TYPE_CHOICES} />,
  <DateInput key="nextFrom" source="nextPaymentDate_gte" label="Next payment from" />,
  <DateInput key="nextTo" source="nextPaymentDate_lte" label="Next payment to" />,
];

const ListActions = () => (
  <TopToolbar>
    <ExportPlansButton />
  </TopToolbar>
);

const Column = DataTable.Col<PaymentPlan>;

export const PaymentPlanList = () => (
  <List<PaymentPlan>
    title="Payment plans"
    filters={planFilters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<EventRepeatIcon />}
        title="No payment plans yet"
        description="Installment and recurring plans created over the API or the hosted pages appear here with their schedules."
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="patientLastName" label="Patient">
        <PatientField />
      </Column>
      <Column source="merchantName" label="Merchant" disableSort>
        <PlanMerchantField />
      </Column>
      <Column source="type" disableSort>
        <TextField source="type" />
      </Column>
      <Column source="status">
        <StatusChipField source="status" states={PLAN_STATES} />
      </Column>
      <Column source="installmentCents" label="Installment" align="right">
        <AmountField source="installmentAmount" />
      </Column>
      <Column source="installmentsPaid" label="Progress" disableSort>
        <ProgressField />
      </Column>
      <Column source="remainingBalance" label="Remaining" align="right" disableSort>
        <AmountField source="remainingBalance" />
      </Column>
      <Column source="nextPaymentDate" label="Next payment">
        <NextDateField />
      </Column>
    </DataTable>
  </List>
);
