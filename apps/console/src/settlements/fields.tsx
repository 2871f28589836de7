import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate } from '../common/dates';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em' };

/** The merchant's name over its MerchantID (the batch record carries both). */
export const SettlementMerchantField = () => {
  const record = useRecordContext<Settlement>();
  if (!record) return null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" noWrap title={record.merchantName}>
        {record.merchantName || '—'}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={mono}>
        {record.merchantId}
      </Typography>
    </Box>
  );
};

/** The deposit's date over whether it is still expected or has arrived. */
export const DepositDateField = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      <Typography variant="body2">{formatBusinessDate(record.depositDate)}</Typography>
      {record.depositDate && (
        <Typography variant="caption" color="text.secondary">
          {translate(
            record.depositStatus === 'DEPOSITED'
              ? 'conduit.settlements.states.deposited'
              : 'conduit.settlements.states.expected',
          )}
        </Typography>
      )}
    </Box>
  );
};
