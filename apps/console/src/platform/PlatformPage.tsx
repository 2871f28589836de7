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
import { Title, useTranslate } from 'react-admin';
import type { PlatformInfo } from '../api/types';
import { CopyableValue } from './CopyableValue';
import { usePlatformInfo } from './usePlatformInfo';

/** `label` is an i18n key. */
const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
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
        {translate(label)}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
};

const Section = ({
  title,
  subheader,
  children,
}: {
  title: string;
  subheader?: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card>
      <CardHeader
        title={translate(title)}
        subheader={subheader && translate(subheader)}
        slotProps={{ title: { variant: 'h6' } }}
      />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
};

/** `empty` is an i18n key. */
const ValueList = ({ values, empty }: { values: string[]; empty: string }) => {
  const translate = useTranslate();
  return values.length ? (
    <Stack spacing={0.5}>
      {values.map((v) => (
        <CopyableValue key={v} value={v} />
      ))}
    </Stack>
  ) : (
    <Typography variant="body2" color="text.secondary">
      {translate(empty)}
    </Typography>
  );
};

const Details = ({ info }: { info: PlatformInfo }) => (
  <Grid container spacing={2}>
    <Grid size={{ xs: 12, lg: 6 }}>
      <Section title="conduit.platform.endpoints" subheader="conduit.platform.endpoints_subheader">
        <Row label="conduit.platform.api">
          <CopyableValue value={info.urls.api} />
        </Row>
        <Row label="conduit.platform.nvp">
          <CopyableValue value={info.urls.nvp} />
        </Row>
        <Row label="conduit.platform.rest">
          <CopyableValue value={info.urls.rest} />
        </Row>
        <Row label="conduit.platform.rest_docs">
          <a href={info.urls.restDocs} target="_blank" rel="noreferrer">
            {info.urls.restDocs}
          </a>
        </Row>
        <Row label="conduit.platform.console">
          <CopyableValue value={info.urls.console} />
        </Row>
      </Section>
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <Stack spacing={2}>
        <Section title="conduit.menu.webhooks" subheader="conduit.platform.webhooks_subheader">
          <ValueList values={info.webhookSourceIps} empty="conduit.platform.not_published" />
        </Section>
        <Section title="conduit.platform.sftp" subheader="conduit.platform.sftp_subheader">
          <Row label="conduit.sftp_accounts.connection.host">
            <CopyableValue value={info.sftp.host} />
          </Row>
          <Row label="conduit.platform.sftp_port">{info.sftp.port}</Row>
          <Row label="conduit.platform.ftps_port">{info.sftp.ftpsPort}</Row>
          <Row label="conduit.platform.host_keys">
            <ValueList values={info.sftp.hostKeyFingerprints} empty="conduit.platform.none_published" />
          </Row>
        </Section>
      </Stack>
    </Grid>
  </Grid>
);

export const PlatformPage = () => {
  const { data, isPending, error } = usePlatformInfo();
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="conduit.menu.platform_info" />
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
      {error && (
        <Alert severity="error">
          {translate('conduit.platform.unavailable', { message: error.message })}
        </Alert>
      )}
      {data && <Details info={data} />}
    </Box>
  );
};
