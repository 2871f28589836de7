import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SimpleForm,
  TextInput,
  required,
  usePermissions,
} from 'react-admin';
import type { Merchant } from '../api/types';
import { IpAllowlistInput, SettlementCutoffInput, TimeZoneInput, browserTimeZone } from '../common/inputs';
import { merchantIdFormat } from '../common/validators';

export const MerchantCreate = () => {
  const { permissions } = usePermissions<string>();
  return (
    <Create<Merchant> title="New merchant" redirect="show">
      <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ timeZone: browserTimeZone(), ipAllowlist: [] }}>
        <TextInput
          source="merchantId"
          label="MerchantID"
          validate={[required(), merchantIdFormat]}
          helperText="The 13-digit MerchantID from the acquirer"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 13 } }}
        />
        <TextInput
          source="name"
          validate={required()}
          helperText="Shown on reports, e.g. Riverside Family Clinic"
        />
        {permissions === 'PLATFORM_ADMIN' && (
          <ReferenceInput source="organizationId" reference="organizations" filter={{ kind: 'PRACTICE' }}>
            <AutocompleteInput label="Organization" validate={required()} />
          </ReferenceInput>
        )}
        <TimeZoneInput />
        <SettlementCutoffInput />
        <IpAllowlistInput />
      </SimpleForm>
    </Create>
  );
};
