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
    <Create<Merchant> title="conduit.merchants.new" redirect="show">
      <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ timeZone: browserTimeZone(), ipAllowlist: [] }}>
        <TextInput
          source="merchantId"
          validate={[required(), merchantIdFormat]}
          helperText="conduit.merchants.help.merchant_id"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 13 } }}
        />
        <TextInput source="name" validate={required()} helperText="conduit.merchants.help.name" />
        {permissions === 'PLATFORM_ADMIN' && (
          <ReferenceInput source="organizationId" reference="organizations" filter={{ kind: 'PRACTICE' }}>
            <AutocompleteInput validate={required()} />
          </ReferenceInput>
        )}
        <TimeZoneInput />
        <SettlementCutoffInput />
        <IpAllowlistInput />
      </SimpleForm>
    </Create>
  );
};
