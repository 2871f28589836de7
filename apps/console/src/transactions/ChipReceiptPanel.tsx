import { useRecordContext, useTranslate } from 'react-admin';
import type { Transaction } from '../api/types';
import { Facts, Panel } from './Panel';

const CHIP_ENTRY_MODES = new Set(['Chip', 'Contactless']);

/** A chip or contactless payment: the ones whose receipt must print the EMV data. */
export const isChipTransaction = (record: Pick<Transaction, 'isEmvTransaction' | 'entryMode'>): boolean =>
  record.isEmvTransaction === true || CHIP_ENTRY_MODES.has(record.entryMode ?? '');

/** 9F27's cryptogram types, as a receipt reader knows them. */
const CRYPTOGRAMS: Record<string, string> = {
  ARQC: 'conduit.transactions.chip.cryptograms.arqc',
  TC: 'conduit.transactions.chip.cryptograms.tc',
  AAC: 'conduit.transactions.chip.cryptograms.aac',
};

/**
 * What a card-present receipt prints for a chip or contactless payment (devices.md): the
 * application's label and AID, the terminal's TVR and TSI, the cryptogram type and how the
 * cardholder was verified. None of it is card data.
 */
export const ChipReceiptPanel = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  if (!record || !isChipTransaction(record)) return null;
  const cryptogram = record.emvCryptogramType ?? null;
  const cryptogramKey = cryptogram ? CRYPTOGRAMS[cryptogram.toUpperCase()] : undefined;
  return (
    <Panel title="conduit.transactions.panels.chip_receipt" subheader="conduit.transactions.chip.subheader">
      <div data-testid="chip-receipt">
        <Facts
          items={[
            { label: 'conduit.transactions.facts.entry_mode', value: record.entryMode },
            { label: 'conduit.transactions.chip.application_label', value: record.emvApplicationLabel },
            { label: 'conduit.transactions.chip.application_id', value: record.emvApplicationId, mono: true },
            { label: 'conduit.transactions.chip.tvr', value: record.emvTvr, mono: true },
            { label: 'conduit.transactions.chip.tsi', value: record.emvTsi, mono: true },
            {
              label: 'conduit.transactions.chip.cryptogram_type',
              value: cryptogram
                ? cryptogramKey
                  ? `${cryptogram} · ${translate(cryptogramKey)}`
                  : cryptogram
                : null,
            },
            {
              label: 'conduit.transactions.chip.verification',
              value: translate(
                record.isEmvVerifiedByPin
                  ? 'conduit.transactions.chip.pin_verified'
                  : 'conduit.transactions.chip.no_pin',
              ),
            },
          ]}
        />
      </div>
    </Panel>
  );
};
