import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { BatchFile } from '../api/settlementTypes';

/** An inbound file's accepted/rejected counts against its records, with a bar while it runs. */
export const BatchFileProgress = () => {
  const f = useRecordContext<BatchFile>();
  if (!f || f.direction !== 'INBOUND') return null;
  const done = f.acceptedCount + f.rejectedCount;
  const pct = f.recordCount ? Math.round((done / f.recordCount) * 100) : f.status === 'PROCESSED' ? 100 : 0;
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="body2" component="span">
        {`${f.acceptedCount} accepted · ${f.rejectedCount} rejected`}
      </Typography>
      {f.status === 'PROCESSING' || f.status === 'RECEIVED' ? (
        <LinearProgress variant="determinate" value={pct} aria-label={`${pct}% processed`} sx={{ mt: 0.5 }} />
      ) : null}
    </Box>
  );
};
