import { Box, Card, CardContent, CardHeader, Link, Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';
import { SAMPLES } from './samples';

/** Where vendors' developers start: the interface references and sample requests to copy. */
export const DevelopersPage = () => {
  const { data } = usePlatformInfo();
  const base = data?.urls.api ?? window.location.origin;
  const links = [
    ['REST API reference (OpenAPI, interactive)', `${base}/rest/docs`],
    ['OpenAPI document', `${base}/rest/openapi.json`],
    ['NVP endpoint', `${base}/payment/NVP.aspx`],
    ['Payment service WSDL (SOAP 1.1 and 1.2)', `${base}/payment/service.asmx?wsdl`],
    ['Single sign-on service WSDL', `${base}/SSOService.asmx?wsdl`],
    ['Eligibility (EDI 270/271) WSDL', `${base}/healthcare/service.asmx?wsdl`],
  ];
  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 980 }}>
      <Title title="Developers" />
      <Card variant="outlined">
        <CardHeader
          title="References"
          subheader="NVP field names are the same in SOAP requests and results"
        />
        <CardContent>
          {links.map(([label, url]) => (
            <Box key={url} sx={{ py: 0.5 }}>
              <Link href={url} target="_blank" rel="noreferrer">
                {label}
              </Link>
              <CopyableValue value={url} />
            </Box>
          ))}
        </CardContent>
      </Card>
      {SAMPLES.map((s) => (
        <Card variant="outlined" key={s.title}>
          <CardHeader title={s.title} />
          <CardContent>
            <Typography
              component="pre"
              sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', m: 0 }}
            >
              {s.body.replaceAll('{base}', base)}
            </Typography>
            <CopyableValue value={s.body.replaceAll('{base}', base)} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
