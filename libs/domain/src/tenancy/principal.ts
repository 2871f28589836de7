/** An authenticated API credential (NVP/SOAP Basic account or REST key pair). */
export interface CredentialPrincipal {
  credentialId: string;
  identifier: string;
  kind: 'ACCOUNT' | 'API_KEY';
  organizationId: string;
  organizationSlug: string;
  organizationKind: 'PRACTICE' | 'PARTNER';
  /** 13-digit MerchantIDs the credential is restricted to; empty means all it may reach. */
  merchantIds: string[];
  ip: string | null;
}
