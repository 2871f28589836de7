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
  useTranslate,
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
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.merchants.title_named', { name: record.name })
        : translate('conduit.merchants.title')}
    </>
  );
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

/** `text` is an i18n key. */
const Nothing = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(text)}
    </Typography>
  );
};

/** "Take a payment" with this merchant chosen (shown to roles that may take payments). */
const TakePaymentButton = () => {
  const record = useRecordContext<Merchant>();
  if (!record || record.status !== 'ACTIVE') return null;
  const source = encodeURIComponent(JSON.stringify({ merchantId: record.merchantId }));
  return (
    <CreateButton
      resource="sso-tokens"
      label="conduit.merchants.take_payment"
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
      <TabbedShowLayout.Tab label="conduit.merchants.tabs.details">
        <MonoField source="merchantId" />
        <TextField source="name" />
        <ReferenceField source="organizationId" reference="organizations" link="show" />
        <StatusChipField source="status" states={MERCHANT_STATES} />
        <TextField source="timeZone" />
        <Labeled label="conduit.common.inputs.settlement_cutoff">
          <Cutoff />
        </Labeled>
        <BooleanField source="era835Enabled" />
        <NumberField source="planChargeHour" />
        <ChipListField source="planRetryDays" emptyText="conduit.merchants.no_retries" />
        <TextField source="processor" emptyText="—" />
        <BooleanField source="allowUnreferencedRefunds" />
        <BooleanField source="ignoreUnknownNvpFields" />
        <TextField source="maxTransactionAmount" />
        <ChipListField source="ipAllowlist" emptyText="conduit.common.any_address" />
        <DateTimeField source="createdAt" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="conduit.merchants.tabs.outlets" path="outlets">
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
            empty={<Nothing text="conduit.merchants.empty.outlets" />}
          >
            <DataTable.Col source="storeId" label="conduit.merchants.columns.store" field={MonoField} />
            <DataTable.Col source="terminalId" label="conduit.merchants.columns.terminal" field={MonoField} />
            <DataTable.Col source="name" label="conduit.merchants.columns.name" />
            <DataTable.Col source="active" label="conduit.merchants.columns.active">
              <StatusChipField source="active" states={ACTIVE_STATES} />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="conduit.merchants.tabs.settlements" path="settlements">
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
            empty={<Nothing text="conduit.merchants.empty.settlements" />}
          >
            <DataTable.Col source="businessDate" label="conduit.merchants.columns.business_date" disableSort>
              <BusinessDateField source="businessDate" />
            </DataTable.Col>
            <DataTable.Col source="status" label="conduit.merchants.columns.status" disableSort>
              <StatusChipField source="status" states={SETTLEMENT_STATES} />
            </DataTable.Col>
            <DataTable.Col
              source="itemCount"
              label="conduit.merchants.columns.items"
              align="right"
              disableSort
            />
            <DataTable.Col source="netCents" label="conduit.merchants.columns.net" align="right" disableSort>
              <CentsField source="netCents" />
            </DataTable.Col>
            <DataTable.Col source="depositDate" label="conduit.merchants.columns.deposit_date" disableSort>
              <BusinessDateField source="depositDate" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="conduit.merchants.tabs.partner_grants" path="partner-grants">
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
            empty={<Nothing text="conduit.merchants.empty.partner_grants" />}
          >
            <DataTable.Col
              disableSort
              source="partnerOrganizationName"
              label="conduit.merchants.columns.partner"
            />
            <DataTable.Col source="scope" label="conduit.merchants.columns.scope" />
            <DataTable.Col source="createdAt" label="conduit.merchants.columns.granted">
              <DateTimeField source="createdAt" />
            </DataTable.Col>
            <DataTable.Col label="" disableSort>
              <DeleteButton
                label="conduit.merchants.revoke.button"
                mutationMode="pessimistic"
                confirmTitle="conduit.merchants.revoke.title"
                confirmContent="conduit.merchants.revoke.content"
                redirect={false}
              />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
