import {
  AutocompleteInput,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  useRecordContext,
} from 'react-admin';
import { Box, Chip, Typography } from '@mui/material';
import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import type { PartnerGrant } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { DateTimeField } from '../common/fields';
import { SCOPE_LABELS } from './constants';
import { RevokeButton } from './RevokeButton';

const grantFilters = [
  <ReferenceInput
    sort={{ field: 'name', order: 'ASC' }}
    key="merchantId"
    source="merchantId"
    reference="merchants"
    alwaysOn
  >
    <AutocompleteInput label="Merchant" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" label="Active" alwaysOn />,
];

const Partner = () => {
  const record = useRecordContext<PartnerGrant>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {record.partnerOrganizationName}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {record.partnerOrganizationSlug}
      </Typography>
    </Box>
  );
};

const Status = () => {
  const record = useRecordContext<PartnerGrant>();
  if (!record) return null;
  if (!record.revokedAt) return <Chip size="small" color="success" label="Active" />;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Chip size="small" variant="outlined" label="Revoked" />
      <DateTimeField source="revokedAt" variant="caption" color="text.secondary" />
    </Box>
  );
};

const Column = DataTable.Col<PartnerGrant>;

export const PartnerGrantList = () => (
  <List<PartnerGrant>
    title="Partner grants"
    filters={grantFilters}
    filterDefaultValues={{ active: true }}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<HandshakeIcon />}
        title="No partners have access"
        description="Grant a partner (for example your practice management vendor) access to one of your merchants."
        createLabel="Grant access"
      />
    }
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <Column disableSort source="merchantId" label="Merchant">
        <ReferenceField source="merchantId" reference="merchants" link="show" />
      </Column>
      <Column disableSort source="partnerOrganizationName" label="Partner">
        <Partner />
      </Column>
      <Column source="scope" render={(r) => SCOPE_LABELS[r.scope] ?? r.scope} />
      <Column source="revokedAt" label="Status">
        <Status />
      </Column>
      <Column source="createdAt" label="Granted">
        <DateTimeField source="createdAt" />
      </Column>
      <Column label="" disableSort>
        <RevokeButton />
      </Column>
    </DataTable>
  </List>
);
