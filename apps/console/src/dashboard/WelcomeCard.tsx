import { Box, Card, CardContent, Chip, Typography } from '@mui/material';
import { useGetIdentity } from 'react-admin';
import type { Role } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';
import { brand } from '../theme';

const ROLE_BLURB: Record<Role, string> = {
  PLATFORM_ADMIN: 'You manage every organization on this Conduit environment.',
  PRACTICE_ADMIN: 'You manage payment configuration, API access and people for your organization.',
  FINANCE:
    "You review your organization's settlements, deposits and disputes, and its payment configuration.",
  PARTNER_DEVELOPER: 'You manage the API credentials your integration uses.',
};

const greeting = (): string => {
  const hour = new Date().getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
};

export const WelcomeCard = () => {
  const { identity } = useGetIdentity();
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
          {greeting()}
        </Typography>
        <Typography variant="h4" component="h1" sx={{ mb: 1 }} data-testid="dashboard-organization">
          {organizationName || 'Welcome to Conduit'}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
          {role && (
            <Chip
              label={ROLE_LABELS[role] ?? role}
              size="small"
              sx={{ bgcolor: 'rgba(255,255,255,0.18)', color: '#fff' }}
            />
          )}
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {identity?.fullName ? `Signed in as ${identity.fullName}. ` : ''}
            {role ? ROLE_BLURB[role] : ''}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
};
