import LinkIcon from '@mui/icons-material/LinkOutlined';
import { Datagrid, List, SelectInput, TextField, TextInput } from 'react-admin';
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
const SsoTokenList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateTimeField source="createdAt" label="Created" />
      <StatusChipField source="status" states={STATES} />
      <TextField source="merchantId" label="MerchantID" />
      <TextField source="action" />
      <TextField source="amount" emptyText="Payer enters" />
      <TextField source="patientId" label="Patient" emptyText="—" />
      <DateTimeField source="expiresAt" label="Expires" />
      <MonoField source="transactionId" label="Transaction" />
      <TextField source="createdBy" label="Created by" />
    </Datagrid>
  </List>
);

export default { list: SsoTokenList, icon: LinkIcon };
