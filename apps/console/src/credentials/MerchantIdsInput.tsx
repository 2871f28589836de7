import { AutocompleteArrayInput, ReferenceArrayInput } from 'react-admin';

/** Merchant ids are the 13-digit MerchantIDs, which are also the merchants' record ids. */
export const MerchantIdsInput = () => (
  <ReferenceArrayInput
    source="merchantIds"
    reference="merchants"
    perPage={100}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteArrayInput helperText="conduit.credentials.help.merchant_ids" />
  </ReferenceArrayInput>
);
