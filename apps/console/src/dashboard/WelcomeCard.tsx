import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { Role } from '../api/types';
import { ROLE_KEYS } from '../auth/permissions';
import { brand } from '../theme';

/** i18n keys: what each role does here. */
const ROLE_BLURB: Record<Role, string> = {
  PLATFORM_ADMIN: 'conduit.dashboard.blurbs.platform_admin',
  PRACTICE_ADMIN: 'conduit.dashboard.blurbs.practice_admin',
  FINANCE: 'conduit.dashboard.blurbs.finance',
  PARTNER_DEVELOPER: 'conduit.dashboard.blurbs.partner_developer',
};

/** The i18n key of the greeting for the browser's hour. */
const greeting = (): string => {
  const hour = new Date().getHours();
  if (hour < 12) return 'conduit.dashboard.greetings.morning';
  if (hour < 18) return 'conduit.dashboard.greetings.afternoon';
  return 'conduit.dashboard.greetings.evening';
};

export const WelcomeCard = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const role = typeof identity?.role === 'string' ? (identity.role as Role) : undefined;
  const organizationName = typeof identity?.organizationName === 'string' ? identity.organizationName : '';
  return (
    <Card
      sx={{
        color: '#ffffff',
        border: 0,
        background: `linear-gradient(120deg, ${brand.navy} 0%, #1b4a6b 55%, ${brand.teal} 100%)`,
      }}
    >
      <CardContent sx={{ p: { xs: 3, md: 4 } }}>
        <Typography variant="overline" sx={{ opacity: 0.75 }}>
          {translate(greeting())}
        </Typography>
        <Typography variant="h4" component="h1" sx={{ mb: 1 }} data-testid="dashboard-organization">
          {organizationName || translate('conduit.dashboard.welcome')}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
          {role && (
            <Chip
              label={ROLE_KEYS[role] ? translate(ROLE_KEYS[role]) : role}
              size="small"
              sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: '#fff' }}
            />
          )}
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {identity?.fullName
              ? `${translate('conduit.dashboard.signed_in_as', { name: identity.fullName })} `
              : ''}
            {role ? translate(ROLE_BLURB[role]) : ''}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
