import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  maxLength,
  required,
  useGetList,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import type { TerminalWithPairingCode } from '../api/terminalTypes';
import type { Outlet } from '../api/types';
import { PairingCode } from './PairingCode';
import { useIssuedPairingCode, type IssuedPairingCode } from './useIssuedPairingCode';

interface CreateForm {
  merchantId?: string;
  outletId?: string;
  label?: string;
}

/** The API takes { outletId, label }; the merchant only narrows the outlets offered. */
const toCreateBody = ({ outletId, label }: CreateForm) => ({ outletId, label: label?.trim() });

/** The active outlets of the chosen merchant. */
const OutletSelect = () => {
  const merchantId = useWatch<CreateForm, 'merchantId'>({ name: 'merchantId' });
  const { data = [], isPending } = useGetList<Outlet>(
    'outlets',
    {
      filter: { merchantId },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'storeId', order: 'ASC' },
    },
    { enabled: !!merchantId },
  );
  const choices = data
    .filter((o) => o.active)
    .map((o) => ({ id: o.id, name: `${o.storeId}/${o.terminalId}${o.name ? ` · ${o.name}` : ''}` }));
  return (
    <SelectInput
      source="outletId"
      label="conduit.terminals.outlet"
      choices={choices}
      isPending={!!merchantId && isPending}
      disabled={!merchantId}
      validate={required()}
      helperText="conduit.terminals.help.outlet"
    />
  );
};

/** Shown once, in place of the form, right after the terminal is created. */
export const PairingCodePage = ({ issued, onDone }: { issued: IssuedPairingCode; onDone: () => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ maxWidth: 640, mx: 'auto', mt: 2 }}>
      <Title title="conduit.terminals.pairing.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom sx={{ textAlign: 'center' }}>
            {translate('conduit.terminals.pairing.title')}
          </Typography>
          <PairingCode code={issued.code} expiresAt={issued.expiresAt} />
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 3 }}>
            <Button variant="contained" onClick={onDone}>
              {translate('conduit.terminals.pairing.done')}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
};

export const TerminalCreate = () => {
  const redirect = useRedirect();
  const { issued, show, clear } = useIssuedPairingCode();

  if (issued) {
    const done = () => {
      const id = issued.terminalId;
      clear();
      redirect('show', 'terminals', id);
    };
    return <PairingCodePage issued={issued} onDone={done} />;
  }

  return (
    <Create<TerminalWithPairingCode>
      title="conduit.terminals.new"
      transform={(data: CreateForm) => toCreateBody(data)}
      mutationOptions={{ onSuccess: (record) => show(record) }}
      redirect={false}
    >
      <SimpleForm sx={{ maxWidth: 560 }}>
        <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source="merchantId" reference="merchants">
          <AutocompleteInput label="conduit.terminals.merchant" validate={required()} />
        </ReferenceInput>
        <OutletSelect />
        <TextInput
          source="label"
          validate={[required(), maxLength(64)]}
          helperText="conduit.terminals.help.label"
        />
      </SimpleForm>
    </Create>
  );
};
