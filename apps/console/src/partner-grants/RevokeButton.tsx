import { DeleteButton, useRecordContext } from 'react-admin';
import type { PartnerGrant } from '../api/types';

/** DELETE on a partner grant revokes it; already-revoked grants show nothing. */
export const RevokeButton = () => {
  const record = useRecordContext<PartnerGrant>();
  if (!record || record.revokedAt) return null;
  return (
    <DeleteButton
      label="conduit.merchants.revoke.button"
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle="conduit.merchants.revoke.title"
      confirmContent="conduit.partner_grants.revoke_content"
      translateOptions={{ partner: record.partnerOrganizationName, merchant: record.merchantId }}
      successMessage="conduit.partner_grants.revoked_message"
    />
  );
};
