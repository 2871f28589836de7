import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  BooleanInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  regex,
  required,
  useGetList,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { Outlet } from '../api/types';

interface TakePaymentForm {
  merchantId: string;
  outlet: string;
  transactionAction: 'Sale' | 'SaveOnFile';
  amount?: string;
  isReadOnly: boolean;
  patientId?: string;
  patientFirstName?: string;
  patientLastName?: string;
}

interface CreatedPage {
  id: string;
  pageUrl: string;
  expiresAt: string;
}

const ACTIONS = [
  { id: 'Sale', name: 'conduit.sso_tokens.actions.sale' },
  { id: 'SaveOnFile', name: 'conduit.sso_tokens.actions.save_on_file' },
];

/** The form's outlet is "store/terminal"; the API takes them apart. */
export const toTakePaymentBody = (f: TakePaymentForm) => {
  const [storeId, terminalId] = f.outlet.split('/');
  const sale = f.transactionAction === 'Sale';
  return {
    merchantId: f.merchantId,
    storeId,
    terminalId,
    transactionAction: f.transactionAction,
    amount: sale ? f.amount?.trim() || undefined : undefined,
    isReadOnly: sale && !!f.amount?.trim() && f.isReadOnly,
    patientId: f.patientId?.trim() || undefined,
    patientFirstName: f.patientFirstName?.trim() || undefined,
    patientLastName: f.patientLastName?.trim() || undefined,
  };
};

/** The active outlets of the chosen merchant, as "store/terminal" choices. */
const OutletSelect = () => {
  const merchantId = useWatch<TakePaymentForm, 'merchantId'>({ name: 'merchantId' });
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
    .map((o) => ({ id: `${o.storeId}/${o.terminalId}`, name: `${o.storeId}/${o.terminalId} · ${o.name}` }));
  return (
    <SelectInput
      source="outlet"
      label="conduit.sso_tokens.outlet"
      choices={choices}
      isPending={!!merchantId && isPending}
      disabled={!merchantId}
      validate={required()}
      helperText="conduit.sso_tokens.help.outlet"
    />
  );
};

const AmountInputs = () => {
  const action = useWatch<TakePaymentForm, 'transactionAction'>({ name: 'transactionAction' });
  if (action !== 'Sale') return null;
  return (
    <Stack direction="row" spacing={2} sx={{ width: '100%', alignItems: 'center' }}>
      <TextInput
        source="amount"
        label="conduit.sso_tokens.amount"
        validate={regex(/^\d{1,7}(\.\d{2})?$/, 'conduit.sso_tokens.validation.amount')}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        helperText="conduit.sso_tokens.help.amount"
      />
      <BooleanInput source="isReadOnly" />
    </Stack>
  );
};

/**
 * Opens the page in a new tab straight away (the click that saved the form still counts as the
 * user's gesture); if the browser blocked it, the dialog's button opens it.
 */
const openPage = (url: string): boolean => {
  const tab = window.open(url, '_blank');
  if (tab) tab.opener = null;
  return !!tab;
};

/** The new page's link; it holds the token, so it is dropped from caches on close. */
const PageReadyDialog = ({
  page,
  onClose,
}: {
  page: CreatedPage & { opened: boolean };
  onClose: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} aria-labelledby="page-ready-title" fullWidth maxWidth="sm">
      <DialogTitle id="page-ready-title">{translate('conduit.sso_tokens.ready.title')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {translate('conduit.sso_tokens.ready.body', {
            opened: page.opened ? translate('conduit.sso_tokens.ready.opened') : '',
            time: new Date(page.expiresAt).toLocaleTimeString(),
          })}
        </Typography>
        <Alert severity="info">{translate('conduit.sso_tokens.ready.receipt')}</Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('conduit.sso_tokens.ready.done')}</Button>
        <Button
          variant="contained"
          href={page.pageUrl}
          target="_blank"
          rel="noopener noreferrer"
          endIcon={<OpenInNewIcon />}
        >
          {translate(page.opened ? 'conduit.sso_tokens.ready.open_again' : 'conduit.sso_tokens.ready.open')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The console's "Take a payment": a single-use hosted page for a practice administrator. */
export const TakePayment = () => {
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const [page, setPage] = useState<(CreatedPage & { opened: boolean }) | null>(null);
  const close = () => {
    setPage(null);
    queryClient.removeQueries({ queryKey: ['sso-tokens', 'getOne'] });
    void queryClient.invalidateQueries({ queryKey: ['sso-tokens'] });
    redirect('list', 'sso-tokens');
  };
  return (
    <>
      <Create<CreatedPage>
        resource="sso-tokens"
        title="conduit.merchants.take_payment"
        transform={(data: TakePaymentForm) => toTakePaymentBody(data)}
        mutationOptions={{
          onSuccess: (created) => setPage({ ...created, opened: openPage(created.pageUrl) }),
        }}
        redirect={false}
      >
        <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ transactionAction: 'Sale', isReadOnly: true }}>
          <RadioButtonGroupInput source="transactionAction" choices={ACTIONS} />
          <ReferenceInput source="merchantId" reference="merchants" sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" validate={required()} />
          </ReferenceInput>
          <OutletSelect />
          <AmountInputs />
          <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
            <TextInput source="patientFirstName" validate={maxLength(64)} />
            <TextInput source="patientLastName" validate={maxLength(64)} />
          </Stack>
          <TextInput source="patientId" label="conduit.sso_tokens.patient_id" validate={maxLength(64)} />
        </SimpleForm>
      </Create>
      {page && <PageReadyDialog page={page} onClose={close} />}
    </>
  );
};
