import {
  AutocompleteInput,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  useRecordContext,
  useTranslate,
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
    <AutocompleteInput sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
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
  const translate = useTranslate();
  if (!record) return null;
  if (!record.revokedAt)
    return <Chip size="small" color="success" label={translate('conduit.states.active')} />;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Chip size="small" variant="outlined" label={translate('conduit.partner_grants.revoked')} />
      <DateTimeField source="revokedAt" variant="caption" color="text.secondary" />
    </Box>
  );
};

const Column = DataTable.Col<PartnerGrant>;

export const PartnerGrantList = () => {
  const translate = useTranslate();
  return (
    <List<PartnerGrant>
      filters={grantFilters}
      filterDefaultValues={{ active: true }}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<HandshakeIcon />}
          title="conduit.partner_grants.empty_title"
          description="conduit.partner_grants.empty_description"
          createLabel="conduit.partner_grants.grant_access"
        />
      }
    >
      <DataTable rowClick={false} bulkActionButtons={false}>
        <Column disableSort source="merchantId">
          <ReferenceField source="merchantId" reference="merchants" link="show" />
        </Column>
        <Column disableSort source="partnerOrganizationName">
          <Partner />
        </Column>
        <Column
          source="scope"
          render={(r) => (SCOPE_LABELS[r.scope] ? translate(SCOPE_LABELS[r.scope]) : r.scope)}
        />
        <Column source="revokedAt">
          <Status />
        </Column>
        <Column source="createdAt">
          <DateTimeField source="createdAt" />
        </Column>
        <Column label="" disableSort>
          <RevokeButton />
        </Column>
      </DataTable>
    </List>
  );
};
