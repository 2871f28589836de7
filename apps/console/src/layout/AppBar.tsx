import { Box, Chip, Divider, Typography } from '@mui/material';
import ApartmentIcon from '@mui/icons-material/Apartment';
import PhonelinkLockIcon from '@mui/icons-material/PhonelinkLock';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  Logout,
  MenuItemLink,
  TitlePortal,
  ToggleThemeButton,
  useGetIdentity,
  UserMenu,
} from 'react-admin';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';
import { Logo } from './Logo';

const OrganizationBadge = () => {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const organizationName = typeof identity.organizationName === 'string' ? identity.organizationName : '';
  const role = typeof identity.role === 'string' ? (identity.role as Role) : undefined;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, mr: 1 }} data-testid="appbar-organization">
      <ApartmentIcon fontSize="small" sx={{ opacity: 0.7, display: { xs: 'none', sm: 'block' } }} />
      <Typography
        variant="body2"
        sx={{ fontWeight: 600, display: { xs: 'none', sm: 'block' }, maxWidth: 260 }}
        noWrap
        title={organizationName}
      >
        {organizationName}
      </Typography>
      {role && (
        <Chip
          size="small"
          label={ROLE_LABELS[role] ?? role}
          sx={{
            bgcolor: 'rgba(43, 179, 163, 0.22)',
            color: '#ffffff',
            border: '1px solid rgba(255,255,255,0.18)',
          }}
        />
      )}
    </Box>
  );
};

const AccountMenu = () => (
  <UserMenu>
    <MenuItemLink to="/two-factor" primaryText="Two-factor sign-in" leftIcon={<PhonelinkLockIcon />} />
    <Logout />
  </UserMenu>
);

export const AppBar = () => (
  <RaAppBar
    userMenu={<AccountMenu />}
    toolbar={
      <>
        <OrganizationBadge />
        <ToggleThemeButton />
        <LoadingIndicator />
      </>
    }
  >
    <Box sx={{ display: { xs: 'none', sm: 'flex' }, alignItems: 'center', mr: 2 }}>
      <Logo inverse size={26} />
    </Box>
    <Divider
      orientation="vertical"
      flexItem
      sx={{ borderColor: 'rgba(255,255,255,0.16)', mr: 2, my: 1.25 }}
    />
    <TitlePortal variant="subtitle1" />
  </RaAppBar>
);
