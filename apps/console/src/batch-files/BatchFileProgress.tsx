import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { BatchFile } from '../api/settlementTypes';

/** An inbound file's accepted/rejected counts against its records, with a bar while it runs. */
export const BatchFileProgress = () => {
  const f = useRecordContext<BatchFile>();
  const translate = useTranslate();
  if (!f || f.direction !== 'INBOUND') return null;
  const done = f.acceptedCount + f.rejectedCount;
  const pct = f.recordCount ? Math.round((done / f.recordCount) * 100) : f.status === 'PROCESSED' ? 100 : 0;
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="body2" component="span">
        {translate('conduit.batch_files.progress', { accepted: f.acceptedCount, rejected: f.rejectedCount })}
      </Typography>
      {f.status === 'PROCESSING' || f.status === 'RECEIVED' ? (
        <LinearProgress
          variant="determinate"
          value={pct}
          aria-label={translate('conduit.batch_files.percent_processed', { pct })}
          sx={{ mt: 0.5 }}
        />
      ) : null}
    </Box>
  );
};
