import { useListContext } from 'react-admin';
import { localDay } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { planActions } from './api';
import type { PaymentPlan } from './types';

/** The server-side CSV of every plan matching the list's filters, not only the page shown. */
export const ExportPlansButton = () => {
  const { filterValues, total, isPending } = useListContext<PaymentPlan>();
  return (
    <DownloadButton
      label="conduit.transactions.labels.export_csv"
      fetchFile={() => planActions.exportCsv(filterValues)}
      filename={`payment-plans-${localDay()}.csv`}
      disabled={isPending || !total}
      testId="payment-plans-export"
    />
  );
};
