import type { ReactNode } from 'react';
import { ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import CodeIcon from '@mui/icons-material/Code';
import QueryStatsIcon from '@mui/icons-material/QueryStatsOutlined';
import { Menu as RaMenu, useCanAccessResources, useSidebarState } from 'react-admin';

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
          {title}
        </ListSubheader>
      )}
      {children}
      {visible.map((item) =>
        typeof item === 'string' ? (
          <RaMenu.ResourceItem key={item} name={item} />
        ) : (
          <RaMenu.Item key={item.resource} to={item.to} primaryText={item.label} leftIcon={item.icon} />
        ),
      )}
    </>
  );
};

const RECONCILIATION: PageItem = {
  resource: 'reconciliation',
  to: '/reconciliation',
  label: 'Reconciliation',
  icon: <QueryStatsIcon />,
};

export const Menu = () => (
  <RaMenu>
    <MenuGroup title="Overview" resources={[]}>
      <RaMenu.DashboardItem primaryText="Dashboard" leftIcon={<DashboardIcon />} />
    </MenuGroup>
    {/* What a practice's finance office opens every morning (docs/settlement.md "Who may do what"). */}
    <MenuGroup title="Finance" resources={['settlements', RECONCILIATION, 'disputes', 'batch-files']} />
    <MenuGroup
      title="Configuration"
      resources={['merchants', 'outlets', 'partner-grants', 'credentials', 'sftp-accounts']}
    />
    <MenuGroup title="Webhooks" resources={['webhook-endpoints', 'webhook-deliveries']} />
    <MenuGroup title="People" resources={['users']} />
    <MenuGroup title="Review" resources={['transactions', 'payment-plans', 'sso-tokens', 'audit-log']} />
    <MenuGroup title="Platform" resources={['organizations']}>
      <RaMenu.Item to="/platform" primaryText="Platform info" leftIcon={<InfoIcon />} />
      <RaMenu.Item to="/developers" primaryText="Developers" leftIcon={<CodeIcon />} />
    </MenuGroup>
  </RaMenu>
);
