import { Divider, Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
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
      <Panel title="conduit.transactions.panels.card">
        <Facts
          items={[
            { label: 'conduit.transactions.facts.brand', value: record.cardBrand?.toUpperCase() },
            { label: 'conduit.transactions.facts.bin', value: record.cardBin, mono: true },
            { label: 'conduit.transactions.facts.last_four', value: record.cardLast4, mono: true },
            { label: 'conduit.transactions.facts.expiry', value: cardExpiry(record), mono: true },
            { label: 'conduit.transactions.facts.holder_name', value: record.cardHolderName },
            { label: 'conduit.transactions.facts.card_type', value: record.paymentCardType },
            { label: 'conduit.transactions.facts.entry_mode', value: record.entryMode },
            { label: 'conduit.transactions.facts.card_present', value: record.cardPresentStatus },
          ]}
        />
      </Panel>
    );
  }
  if (isECheck(record)) {
    return (
      <Panel title="conduit.transactions.panels.echeck">
        <Facts
          items={[
            { label: 'conduit.transactions.facts.routing_number', value: record.routingNumber, mono: true },
            { label: 'conduit.transactions.facts.account_last_four', value: record.accountLast4, mono: true },
            { label: 'conduit.transactions.facts.account_type', value: record.accountType },
            { label: 'conduit.transactions.facts.check_number', value: record.checkNumber, mono: true },
          ]}
        />
      </Panel>
    );
  }
  return (
    <Panel title="conduit.transactions.panels.payment_method">
      <Nothing text="conduit.transactions.empty.no_payment_method" />
    </Panel>
  );
};

/** Patient identifiers and the free additionalInfo fields the practice sent (only those set). */
export const PatientPanel = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  if (!record) return null;
  const extra = ADDITIONAL_INFO_FIELDS.flatMap((source, index) => {
    const value = record[source];
    return value
      ? [{ label: translate('conduit.transactions.facts.additional_info', { n: index + 1 }), value }]
      : [];
  });
  return (
    <Panel title="conduit.transactions.panels.patient">
      <Facts
        items={[
          { label: 'conduit.transactions.facts.patient_id', value: record.patientId, mono: true },
          {
            label: 'conduit.transactions.facts.account_number',
            value: record.patientAccountNumber,
            mono: true,
          },
          { label: 'conduit.transactions.facts.first_name', value: record.patientFirstName },
          { label: 'conduit.transactions.facts.last_name', value: record.patientLastName },
          { label: 'conduit.transactions.facts.birth_date', value: record.patientBirthDate },
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
    <Panel title="conduit.transactions.panels.outlet">
      <Facts
        items={[
          {
            label: 'conduit.transactions.facts.merchant',
            value: record.merchantId ? (
              <ReferenceField source="merchantId" reference="merchants" link="show" />
            ) : null,
          },
          { label: 'conduit.transactions.facts.merchantid', value: record.merchantId, mono: true },
          { label: 'conduit.transactions.facts.store_id', value: record.storeId, mono: true },
          { label: 'conduit.transactions.facts.terminal_id', value: record.terminalId, mono: true },
          { label: 'conduit.transactions.facts.interface', value: record.interface },
          {
            label: 'conduit.transactions.facts.payment_method_id',
            value: record.paymentMethodId,
            mono: true,
          },
        ]}
      />
    </Panel>
  );
};
