import LinkIcon from '@mui/icons-material/LinkOutlined';
import {
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { TakePayment } from './TakePayment';
import { DateTimeField, MonoField, StatusChipField, type StatusChipFieldProps } from '../common/fields';

const STATES: StatusChipFieldProps['states'] = {
  NEW: ['New', 'info'],
  COMPLETE: ['Complete', 'success'],
  EXPIRED: ['Expired', 'default'],
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={Object.entries(STATES).map(([id, [name]]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="merchantId" source="merchantId" label="MerchantID" />,
];

/** Hosted payment page links: status, created, expires, transaction (the token itself is never kept). */
const actions = (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="Take a payment" />
    <ExportButton />
  </TopToolbar>
);

const SsoTokenList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={actions}
    empty={
      <EmptyState
        icon={<LinkIcon />}
        title="No payment page links yet"
        description="Vendors create them over the APIs; practice admins can take a payment here."
        createLabel="Take a payment"
      />
    }
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateTimeField source="createdAt" label="Created" />
      <StatusChipField source="status" states={STATES} />
      <TextField sortable={false} source="merchantId" label="MerchantID" />
      <TextField sortable={false} source="action" />
      <TextField sortable={false} source="amount" emptyText="Payer enters" />
      <TextField sortable={false} source="patientId" label="Patient" emptyText="—" />
      <DateTimeField source="expiresAt" label="Expires" />
      <MonoField sortable={false} source="transactionId" label="Transaction" />
      <TextField sortable={false} source="createdBy" label="Created by" />
    </Datagrid>
  </List>
);

export default { list: SsoTokenList, create: TakePayment, icon: LinkIcon };
