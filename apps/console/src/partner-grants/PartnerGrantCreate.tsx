import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { Alert } from '@mui/material';
import type { PartnerGrant } from '../api/types';
import { SCOPE_CHOICES } from './constants';

export const PartnerGrantCreate = () => (
  <Create<PartnerGrant>
    title="Grant partner access"
    redirect="list"
    transform={(data: Partial<PartnerGrant>) => ({
      merchantId: data.merchantId,
      partnerOrganizationSlug: data.partnerOrganizationSlug?.trim().toLowerCase(),
      scope: data.scope,
    })}
  >
    <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ scope: 'read' }}>
      <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
        The partner can use this merchant with its own credentials, within the chosen scope, until you revoke
        the grant.
      </Alert>
      <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source="merchantId" reference="merchants">
        <AutocompleteInput label="Merchant" validate={required()} />
      </ReferenceInput>
      <TextInput
        source="partnerOrganizationSlug"
        label="Partner organization slug"
        validate={required()}
        helperText="Ask the partner for their Conduit organization slug, e.g. acme-pms"
      />
      <RadioButtonGroupInput source="scope" choices={SCOPE_CHOICES} validate={required()} row={false} />
    </SimpleForm>
  </Create>
);
