import { Box, Grid } from '@mui/material';
import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import PointOfSaleIcon from '@mui/icons-material/PointOfSaleOutlined';
import KeyIcon from '@mui/icons-material/KeyOutlined';
import { Title, useCanAccess } from 'react-admin';
import { CountCard } from './CountCard';
import { FinanceTiles } from './FinanceTiles';
import { PlatformCard } from './PlatformCard';
import { ApprovalRateTile, TodayCountTile, TodayVolumeTile } from './TodayTiles';
import { VolumeCard } from './VolumeCard';
import { WelcomeCard } from './WelcomeCard';

const ACTIVE = { enabled: true };
const TODAY_WIDTH = { xs: 12, sm: 4 };

export const Dashboard = () => {
  const { canAccess: canSeeCredentials } = useCanAccess({ resource: 'credentials', action: 'list' });
  const countWidth = { xs: 12, sm: canSeeCredentials ? 4 : 6 };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="conduit.menu.dashboard" />
      <Grid container spacing={2}>
        <Grid size={12}>
          <WelcomeCard />
        </Grid>
        <FinanceTiles />
        <Grid size={countWidth}>
          <CountCard
            resource="merchants"
            label="conduit.dashboard.merchant_accounts"
            icon={<StorefrontIcon />}
          />
        </Grid>
        <Grid size={countWidth}>
          <CountCard
            resource="outlets"
            label="conduit.dashboard.outlets_and_terminals"
            icon={<PointOfSaleIcon />}
          />
        </Grid>
        {canSeeCredentials && (
          <Grid size={countWidth}>
            <CountCard
              resource="credentials"
              label="conduit.dashboard.active_credentials"
              icon={<KeyIcon />}
              filter={ACTIVE}
            />
          </Grid>
        )}
        <Grid size={TODAY_WIDTH}>
          <TodayVolumeTile />
        </Grid>
        <Grid size={TODAY_WIDTH}>
          <TodayCountTile />
        </Grid>
        <Grid size={TODAY_WIDTH}>
          <ApprovalRateTile />
        </Grid>
        <Grid size={{ xs: 12, lg: 8 }}>
          <VolumeCard />
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <PlatformCard />
        </Grid>
      </Grid>
    </Box>
  );
};
