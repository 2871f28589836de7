import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { Alert } from '@mui/material';
import type { PartnerGrant } from '../api/types';
import { SCOPE_CHOICES } from './constants';

export const PartnerGrantCreate = () => {
  const translate = useTranslate();
  return (
    <Create<PartnerGrant>
      title="conduit.partner_grants.new"
      redirect="list"
      transform={(data: Partial<PartnerGrant>) => ({
        merchantId: data.merchantId,
        partnerOrganizationSlug: data.partnerOrganizationSlug?.trim().toLowerCase(),
        scope: data.scope,
      })}
    >
      <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ scope: 'read' }}>
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
          {translate('conduit.partner_grants.create_note')}
        </Alert>
        <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source="merchantId" reference="merchants">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <TextInput
          source="partnerOrganizationSlug"
          validate={required()}
          helperText="conduit.partner_grants.help.slug"
        />
        <RadioButtonGroupInput source="scope" choices={SCOPE_CHOICES} validate={required()} row={false} />
      </SimpleForm>
    </Create>
  );
};
