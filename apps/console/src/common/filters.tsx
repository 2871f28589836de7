import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { Merchant } from '../api/types';

export const merchantOption = (merchant: Merchant) => `${merchant.merchantId} · ${merchant.name}`;

/**
 * The merchant filter of the finance lists: a searchable pick among the merchants the role
 * can see (the filter holds the 13-digit MerchantID, the merchant resource's id).
 */
export const MerchantFilterInput = ({ source = 'merchantId' }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source={source} reference="merchants">
    <AutocompleteInput label="conduit.common.merchant" optionText={merchantOption} sx={{ minWidth: 260 }} />
  </ReferenceInput>
);
