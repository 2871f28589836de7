import { Divider, Typography } from '@mui/material';
import { ReferenceField, useRecordContext } from 'react-admin';
import type { Transaction } from '../api/types';
import { ADDITIONAL_INFO_FIELDS } from './constants';
import { cardExpiry } from './format';
import { Facts, Nothing, Panel } from './Panel';

const isCard = (r: Transaction) => Boolean(r.cardLast4 || r.cardBin || r.cardBrand);
const isECheck = (r: Transaction) => Boolean(r.routingNumber || r.accountLast4 || r.tender === 'eCheck');

/** The card or eCheck the payment used (display data only: Conduit never shows a full number). */
export const PaymentPanel = () => {
  const record = useRecordContext<Transaction>();
  if (!record) return null;
  if (isCard(record)) {
    return (
      <Panel title="Card">
        <Facts
          items={[
            { label: 'Brand', value: record.cardBrand?.toUpperCase() },
            { label: 'BIN', value: record.cardBin, mono: true },
            { label: 'Last four', value: record.cardLast4, mono: true },
            { label: 'Expiry', value: cardExpiry(record), mono: true },
            { label: 'Holder name', value: record.cardHolderName },
            { label: 'Card type', value: record.paymentCardType },
            { label: 'Entry mode', value: record.entryMode },
            { label: 'Card present', value: record.cardPresentStatus },
          ]}
        />
      </Panel>
    );
  }
  if (isECheck(record)) {
    return (
      <Panel title="eCheck">
        <Facts
          items={[
            { label: 'Routing number', value: record.routingNumber, mono: true },
            { label: 'Account last four', value: record.accountLast4, mono: true },
            { label: 'Account type', value: record.accountType },
            { label: 'Check number', value: record.checkNumber, mono: true },
          ]}
        />
      </Panel>
    );
  }
  return (
    <Panel title="Payment method">
      <Nothing text="No card or bank account is recorded on this transaction." />
    </Panel>
  );
};

/** Patient identifiers and the free additionalInfo fields the practice sent (only those set). */
export const PatientPanel = () => {
  const record = useRecordContext<Transaction>();
  if (!record) return null;
  const extra = ADDITIONAL_INFO_FIELDS.flatMap((source, index) => {
    const value = record[source];
    return value ? [{ label: `Additional info ${index + 1}`, value }] : [];
  });
  return (
    <Panel title="Patient">
      <Facts
        items={[
          { label: 'Patient ID', value: record.patientId, mono: true },
          { label: 'Account number', value: record.patientAccountNumber, mono: true },
          { label: 'First name', value: record.patientFirstName },
          { label: 'Last name', value: record.patientLastName },
          { label: 'Birth date', value: record.patientBirthDate },
        ]}
      />
      {extra.length > 0 && (
        <>
          <Divider sx={{ my: 2 }} />
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            Free fields
          </Typography>
          <Facts items={extra} />
        </>
      )}
    </Panel>
  );
};

/** Where the payment was taken and through which API. */
export const OutletPanel = () => {
  const record = useRecordContext<Transaction>();
  if (!record) return null;
  return (
    <Panel title="Outlet">
      <Facts
        items={[
          {
            label: 'Merchant',
            value: record.merchantId ? (
              <ReferenceField source="merchantId" reference="merchants" link="show" />
            ) : null,
          },
          { label: 'MerchantID', value: record.merchantId, mono: true },
          { label: 'Store ID', value: record.storeId, mono: true },
          { label: 'Terminal ID', value: record.terminalId, mono: true },
          { label: 'Interface', value: record.interface },
          { label: 'Payment method ID', value: record.paymentMethodId, mono: true },
        ]}
      />
    </Panel>
  );
};
