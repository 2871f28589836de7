import { Box, Card, CardContent, CardHeader, Link, Stack, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';
import { CopyButton } from './CopyButton';
import { SAMPLES, SECTIONS, type Sample } from './samples';

const SampleCard = ({ sample, base }: { sample: Sample; base: string }) => {
  const translate = useTranslate();
  const title = translate(`conduit.developers.samples.${sample.id}.title`);
  const body = sample.body.replaceAll('{base}', base);
  return (
    <Card variant="outlined" component="section" aria-label={title} data-testid={`sample-${sample.id}`}>
      <CardHeader
        title={title}
        subheader={translate(`conduit.developers.samples.${sample.id}.description`)}
        slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }}
        action={<CopyButton value={body} label={title} />}
      />
      <CardContent sx={{ pt: 0 }}>
        <Box
          component="pre"
          tabIndex={0}
          aria-label={title}
          sx={{
            fontFamily: 'monospace',
            fontSize: 13,
            m: 0,
            p: 1.5,
            overflowX: 'auto',
            bgcolor: 'action.hover',
            borderRadius: 1,
          }}
        >
          <code className={`language-${sample.language}`}>{body}</code>
        </Box>
      </CardContent>
    </Card>
  );
};

/** Where vendors' developers start: the interface references and samples to copy, each shown once. */
export const DevelopersPage = () => {
  const translate = useTranslate();
  const { data } = usePlatformInfo();
  const base = data?.urls.api ?? window.location.origin;
  const links = [
    ['rest_docs', `${base}/rest/docs`],
    ['openapi', `${base}/rest/openapi.json`],
    ['nvp', `${base}/payment/NVP.aspx`],
    ['nvp_reference', `${base}/payment/nvp-reference`],
    ['payment_wsdl', `${base}/payment/service.asmx?wsdl`],
    ['sso_wsdl', `${base}/SSOService.asmx?wsdl`],
    ['eligibility_wsdl', `${base}/healthcare/service.asmx?wsdl`],
    ['admin_openapi', `${base}/admin/api/openapi.json`],
  ];
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 980, minWidth: 0 }}>
      <Title title={translate('conduit.developers.title')} />
      <Card variant="outlined">
        <CardHeader
          title={translate('conduit.developers.references')}
          subheader={translate('conduit.developers.references_note')}
          slotProps={{ title: { component: 'h2', variant: 'h6' } }}
        />
        <CardContent>
          {links.map(([key, url]) => (
            <Box key={url} sx={{ py: 0.5 }}>
              <Link href={url} target="_blank" rel="noreferrer">
                {translate(`conduit.developers.links.${key}`)}
              </Link>
              <CopyableValue value={url} />
            </Box>
          ))}
        </CardContent>
      </Card>
      {SECTIONS.map((section) => (
        <Stack spacing={1.5} key={section} component="section" aria-labelledby={`developers-${section}`}>
          <Typography variant="h6" component="h2" id={`developers-${section}`} sx={{ pt: 1 }}>
            {translate(`conduit.developers.sections.${section}.title`)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`conduit.developers.sections.${section}.description`)}
          </Typography>
          {SAMPLES.filter((s) => s.section === section).map((s) => (
            <SampleCard sample={s} base={base} key={s.id} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
};
