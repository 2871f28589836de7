import type { ReactNode } from 'react';
import { ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import CodeIcon from '@mui/icons-material/Code';
import { Menu as RaMenu, useCanAccessResources, useSidebarState } from 'react-admin';

interface MenuGroupProps {
  title: string;
  resources: string[];
  children?: ReactNode;
}

/** A titled group of resource menu items; hidden entirely when the role can use none of them. */
const MenuGroup = ({ title, resources, children }: MenuGroupProps) => {
  const [open] = useSidebarState();
  const { canAccess, isPending } = useCanAccessResources({ action: 'list', resources });
  const visible = resources.filter((name) => canAccess?.[name]);
  if (isPending || (visible.length === 0 && !children)) return null;
  return (
    <>
      {open && <ListSubheader disableSticky>{title}</ListSubheader>}
      {children}
      {visible.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </>
  );
};

export const Menu = () => (
  <RaMenu>
    <MenuGroup title="Overview" resources={[]}>
      <RaMenu.DashboardItem primaryText="Dashboard" leftIcon={<DashboardIcon />} />
    </MenuGroup>
    <MenuGroup title="Configuration" resources={['merchants', 'outlets', 'partner-grants', 'credentials']} />
    <MenuGroup title="Webhooks" resources={['webhook-endpoints', 'webhook-deliveries']} />
    <MenuGroup title="People" resources={['users']} />
    <MenuGroup title="Review" resources={['transactions', 'sso-tokens', 'audit-log']} />
    <MenuGroup title="Platform" resources={['organizations']}>
      <RaMenu.Item to="/platform" primaryText="Platform info" leftIcon={<InfoIcon />} />
      <RaMenu.Item to="/developers" primaryText="Developers" leftIcon={<CodeIcon />} />
    </MenuGroup>
  </RaMenu>
);
