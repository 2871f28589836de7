export const AUDITED_RESOURCES = [
  'organizations',
  'merchants',
  'outlets',
  'users',
  'credentials',
  'partner-grants',
].map((id) => ({ id, name: id }));
