import {
  BooleanField,
  CreateButton,
  DataTable,
  EditButton,
  DeleteButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Settlement } from '../api/settlementTypes';
import type { Merchant, Outlet, PartnerGrant } from '../api/types';
import {
  ACTIVE_STATES,
  BusinessDateField,
  CentsField,
  ChipListField,
  DateTimeField,
  MonoField,
  StatusChipField,
} from '../common/fields';
import { SETTLEMENT_STATES } from '../settlements/constants';
import { MERCHANT_STATES } from './constants';
import { SettleNowButton } from './SettleNowButton';

const MerchantTitle = () => {
  const record = useRecordContext<Merchant>();
  return <>{record ? `Merchant ${record.name}` : 'Merchant'}</>;
};

const Cutoff = () => {
  const record = useRecordContext<Merchant>();
  if (!record) return null;
  return (
    <Typography variant="body2">
      {record.settlementCutoff}{' '}
      <Typography component="span" variant="body2" color="text.secondary">
        ({record.timeZone})
      </Typography>
    </Typography>
  );
};

const Nothing = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
    {text}
  </Typography>
);

/** "Take a payment" with this merchant chosen (shown to roles that may take payments). */
const TakePaymentButton = () => {
  const record = useRecordContext<Merchant>();
  if (!record || record.status !== 'ACTIVE') return null;
  const source = encodeURIComponent(JSON.stringify({ merchantId: record.merchantId }));
  return (
    <CreateButton
      resource="sso-tokens"
      label="Take a payment"
      to={{ pathname: '/sso-tokens/create', search: `?source=${source}` }}
    />
  );
};

const actions = (
  <TopToolbar>
    <TakePaymentButton />
    <SettleNowButton />
    <EditButton />
  </TopToolbar>
);

export const MerchantShow = () => (
  <Show<Merchant> title={<MerchantTitle />} actions={actions}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Details">
        <MonoField source="merchantId" label="MerchantID" />
        <TextField source="name" />
        <ReferenceField source="organizationId" reference="organizations" label="Organization" link="show" />
        <StatusChipField source="status" label="Status" states={MERCHANT_STATES} />
        <TextField source="timeZone" label="Time zone" />
        <Labeled label="Settlement cutoff">
          <Cutoff />
        </Labeled>
        <BooleanField source="era835Enabled" label="Also produce an X12 835 (ERA)" />
        <NumberField source="planChargeHour" label="Payment plan charge hour" />
        <ChipListField source="planRetryDays" label="Payment plan retry days" emptyText="No retries" />
        <TextField source="processor" label="Processor" emptyText="—" />
        <BooleanField source="allowUnreferencedRefunds" label="Allow unreferenced refunds" />
        <TextField source="maxTransactionAmount" label="Per-transaction limit" />
        <ChipListField source="ipAllowlist" label="IP allowlist" emptyText="Any address" />
        <DateTimeField source="createdAt" label="Created" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Outlets" path="outlets">
        <ReferenceManyField<Merchant, Outlet>
          reference="outlets"
          target="merchantId"
          source="merchantId"
          sort={{ field: 'storeId', order: 'ASC' }}
          perPage={25}
          pagination={<Pagination />}
          label={false}
        >
          <DataTable
            rowClick="show"
            bulkActionButtons={false}
            empty={<Nothing text="No outlets for this merchant yet." />}
          >
            <DataTable.Col source="storeId" label="Store" field={MonoField} />
            <DataTable.Col source="terminalId" label="Terminal" field={MonoField} />
            <DataTable.Col source="name" />
            <DataTable.Col source="active">
              <StatusChipField source="active" states={ACTIVE_STATES} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Settlements" path="settlements">
        <ReferenceManyField<Merchant, Settlement>
          reference="settlements"
          target="merchantId"
          source="merchantId"
          sort={{ field: 'businessDate', order: 'DESC' }}
          perPage={10}
          pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
          label={false}
        >
          <DataTable
            rowClick="show"
            bulkActionButtons={false}
            empty={<Nothing text="No batch has closed for this merchant yet." />}
          >
            <DataTable.Col source="businessDate" label="Business date" disableSort>
              <BusinessDateField source="businessDate" />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
              <StatusChipField source="status" states={SETTLEMENT_STATES} />
            </DataTable.Col>
            <DataTable.Col source="itemCount" label="Items" align="right" disableSort />
            <DataTable.Col source="netCents" label="Net" align="right" disableSort>
              <CentsField source="netCents" />
            </DataTable.Col>
            <DataTable.Col source="depositDate" label="Deposit date" disableSort>
              <BusinessDateField source="depositDate" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Partner grants" path="partner-grants">
        <ReferenceManyField<Merchant, PartnerGrant>
          reference="partner-grants"
          target="merchantId"
          source="merchantId"
          filter={{ active: true }}
          sort={{ field: 'createdAt', order: 'DESC' }}
          perPage={25}
          label={false}
        >
          <DataTable
            rowClick={false}
            bulkActionButtons={false}
            empty={<Nothing text="No partner has access to this merchant." />}
          >
            <DataTable.Col disableSort source="partnerOrganizationName" label="Partner" />
            <DataTable.Col source="scope" />
            <DataTable.Col source="createdAt" label="Granted">
              <DateTimeField source="createdAt" />
            </DataTable.Col>
            <DataTable.Col label="" disableSort>
              <DeleteButton
                label="Revoke"
                mutationMode="pessimistic"
                confirmTitle="Revoke partner access?"
                confirmContent="The partner loses access to this merchant immediately."
                redirect={false}
              />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
