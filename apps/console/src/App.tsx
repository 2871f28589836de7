import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { dataProvider } from './api/dataProvider';
import auditLog from './audit-log';
import batchFiles from './batch-files';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import credentials from './credentials';
import { Dashboard } from './dashboard/Dashboard';
import disputes from './disputes';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import merchants from './merchants';
import organizations from './organizations';
import outlets from './outlets';
import partnerGrants from './partner-grants';
import paymentPlans from './payment-plans';
import { PlatformPage } from './platform/PlatformPage';
import { ReconciliationPage } from './reconciliation/ReconciliationPage';
import settlements from './settlements';
import sftpAccounts from './sftp-accounts';
import { DevelopersPage } from './developers/DevelopersPage';
import terminals from './terminals';
import { darkTheme, lightTheme } from './theme';
import { TwoFactorPage } from './two-factor/TwoFactorPage';
import transactions from './transactions';
import users from './users';
import ssoTokens from './sso-tokens';
import webhookDeliveries from './webhook-deliveries';
import webhookEndpoints from './webhook-endpoints';

export const App = () => (
  <Admin
    title="Conduit"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    <Resource name="merchants" {...merchants} />
    <Resource name="outlets" {...outlets} />
    <Resource name="terminals" {...terminals} />
    <Resource name="partner-grants" {...partnerGrants} />
    <Resource name="credentials" {...credentials} />
    <Resource name="sftp-accounts" {...sftpAccounts} />
    <Resource name="users" {...users} />
    <Resource name="webhook-endpoints" {...webhookEndpoints} />
    <Resource name="webhook-deliveries" {...webhookDeliveries} />
    <Resource name="transactions" {...transactions} />
    <Resource name="payment-plans" {...paymentPlans} />
    <Resource name="sso-tokens" {...ssoTokens} />
    <Resource name="settlements" {...settlements} />
    <Resource name="disputes" {...disputes} />
    <Resource name="batch-files" {...batchFiles} />
    <Resource name="audit-log" {...auditLog} />
    <Resource name="organizations" {...organizations} />
    <CustomRoutes>
      <Route path="/platform" element={<PlatformPage />} />
      <Route path="/developers" element={<DevelopersPage />} />
      <Route path="/two-factor" element={<TwoFactorPage />} />
      <Route path="/reconciliation" element={<ReconciliationPage />} />
    </CustomRoutes>
  </Admin>
);
