import { DeleteButton, useRecordContext } from 'react-admin';
import type { PartnerGrant } from '../api/types';

/** DELETE on a partner grant revokes it; already-revoked grants show nothing. */
export const RevokeButton = () => {
  const record = useRecordContext<PartnerGrant>();
  if (!record || record.revokedAt) return null;
  return (
    <DeleteButton
      label="Revoke"
      mutationMode="pessimistic"
      redirect={false}
      confirmTitle="Revoke partner access?"
      confirmContent={`${record.partnerOrganizationName} will lose access to merchant ${record.merchantId} immediately.`}
      successMessage="Access revoked"
    />
  );
};
