import type { ReactNode } from 'react';
import { ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import CodeIcon from '@mui/icons-material/Code';
import QueryStatsIcon from '@mui/icons-material/QueryStatsOutlined';
import { Menu as RaMenu, useCanAccessResources, useSidebarState, useTranslate } from 'react-admin';

/** A custom page shown like a resource: listed where its access rule (`resource`) allows it. */
interface PageItem {
  resource: string;
  to: string;
  label: string;
  icon: ReactNode;
}

type Item = string | PageItem;

interface MenuGroupProps {
  title: string;
  resources: Item[];
  children?: ReactNode;
}

const nameOf = (item: Item) => (typeof item === 'string' ? item : item.resource);

/** A titled group of resource menu items; hidden entirely when the role can use none of them. */
const MenuGroup = ({ title, resources, children }: MenuGroupProps) => {
  const [open] = useSidebarState();
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccessResources({
    action: 'list',
    resources: resources.map(nameOf),
  });
  const visible = resources.filter((item) => canAccess?.[nameOf(item)]);
  if (isPending || (visible.length === 0 && !children)) return null;
  return (
    <>
      {/* A heading for the eye only: the menu (role="menu") may hold menu items alone. */}
      {open && (
        <ListSubheader disableSticky role="presentation">
          {translate(title)}
        </ListSubheader>
      )}
      {children}
      {visible.map((item) =>
        typeof item === 'string' ? (
          <RaMenu.ResourceItem key={item} name={item} />
        ) : (
          <RaMenu.Item
            key={item.resource}
            to={item.to}
            primaryText={translate(item.label)}
            leftIcon={item.icon}
          />
        ),
      )}
    </>
  );
};

const RECONCILIATION: PageItem = {
  resource: 'reconciliation',
  to: '/reconciliation',
  label: 'conduit.menu.reconciliation',
  icon: <QueryStatsIcon />,
};

/** Group titles and page labels are i18n keys (en.ts `conduit.menu`). */
export const Menu = () => {
  const translate = useTranslate();
  return (
    <RaMenu>
      <MenuGroup title="conduit.menu.overview" resources={[]}>
        <RaMenu.DashboardItem
          primaryText={translate('conduit.menu.dashboard')}
          leftIcon={<DashboardIcon />}
        />
      </MenuGroup>
      {/* What a practice's finance office opens every morning (docs/settlement.md "Who may do what"). */}
      <MenuGroup
        title="conduit.menu.finance"
        resources={['settlements', RECONCILIATION, 'disputes', 'batch-files']}
      />
      <MenuGroup
        title="conduit.menu.configuration"
        resources={['merchants', 'outlets', 'terminals', 'partner-grants', 'credentials', 'sftp-accounts']}
      />
      <MenuGroup title="conduit.menu.webhooks" resources={['webhook-endpoints', 'webhook-deliveries']} />
      <MenuGroup title="conduit.menu.people" resources={['users']} />
      <MenuGroup
        title="conduit.menu.review"
        resources={['transactions', 'payment-plans', 'sso-tokens', 'audit-log']}
      />
      <MenuGroup title="conduit.menu.platform" resources={['organizations']}>
        <RaMenu.Item
          to="/platform"
          primaryText={translate('conduit.menu.platform_info')}
          leftIcon={<InfoIcon />}
        />
        <RaMenu.Item
          to="/developers"
          primaryText={translate('conduit.menu.developers')}
          leftIcon={<CodeIcon />}
        />
      </MenuGroup>
    </RaMenu>
  );
};
