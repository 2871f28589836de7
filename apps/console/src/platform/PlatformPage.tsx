import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';
import type { PlatformInfo } from '../api/types';
import { CopyableValue } from './CopyableValue';
import { usePlatformInfo } from './usePlatformInfo';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' },
      gap: 1,
      py: 1,
      borderBottom: 1,
      borderColor: 'divider',
    }}
  >
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box sx={{ minWidth: 0 }}>{children}</Box>
  </Box>
);

const Section = ({
  title,
  subheader,
  children,
}: {
  title: string;
  subheader?: string;
  children: ReactNode;
}) => (
  <Card>
    <CardHeader title={title} subheader={subheader} slotProps={{ title: { variant: 'h6' } }} />
    <CardContent sx={{ pt: 0 }}>{children}</CardContent>
  </Card>
);

const ValueList = ({ values, empty }: { values: string[]; empty: string }) =>
  values.length ? (
    <Stack spacing={0.5}>
      {values.map((v) => (
        <CopyableValue key={v} value={v} />
      ))}
    </Stack>
  ) : (
    <Typography variant="body2" color="text.secondary">
      {empty}
    </Typography>
  );

const Details = ({ info }: { info: PlatformInfo }) => (
  <Grid container spacing={2}>
    <Grid size={{ xs: 12, lg: 6 }}>
      <Section title="Endpoints" subheader="Where your systems connect">
        <Row label="API">
          <CopyableValue value={info.urls.api} />
        </Row>
        <Row label="NVP">
          <CopyableValue value={info.urls.nvp} />
        </Row>
        <Row label="REST">
          <CopyableValue value={info.urls.rest} />
        </Row>
        <Row label="REST docs">
          <a href={info.urls.restDocs} target="_blank" rel="noreferrer">
            {info.urls.restDocs}
          </a>
        </Row>
        <Row label="Console">
          <CopyableValue value={info.urls.console} />
        </Row>
      </Section>
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <Stack spacing={2}>
        <Section title="Webhooks" subheader="Allow these source addresses through your firewall">
          <ValueList values={info.webhookSourceIps} empty="Not published for this environment" />
        </Section>
        <Section title="SFTP / FTPS" subheader="Batch files and settlement reports">
          <Row label="Host">
            <CopyableValue value={info.sftp.host} />
          </Row>
          <Row label="SFTP port">{info.sftp.port}</Row>
          <Row label="FTPS port">{info.sftp.ftpsPort}</Row>
          <Row label="Host key fingerprints">
            <ValueList values={info.sftp.hostKeyFingerprints} empty="None published" />
          </Row>
        </Section>
      </Stack>
    </Grid>
  </Grid>
);

export const PlatformPage = () => {
  const { data, isPending, error } = usePlatformInfo();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Platform info" />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5">{data?.name ?? 'Conduit'}</Typography>
        {data && <Chip size="small" label={`v${data.version}`} variant="outlined" />}
        {data && (
          <Chip
            size="small"
            label={data.environment}
            color={data.environment === 'production' ? 'success' : 'warning'}
          />
        )}
      </Stack>
      {isPending && <Skeleton variant="rounded" height={320} />}
      {error && <Alert severity="error">Platform information is unavailable: {error.message}</Alert>}
      {data && <Details info={data} />}
    </Box>
  );
};
