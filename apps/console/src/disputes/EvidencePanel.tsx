import { Box, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFileOutlined';
import { useDataProvider, useRecordContext } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Dispute, DisputeEvidence } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';
import { formatBytes } from '../common/money';
import { Nothing, Panel } from '../transactions/Panel';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const Entry = ({ dispute, evidence }: { dispute: Dispute; evidence: DisputeEvidence }) => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const added = evidence.createdAt ? when.format(new Date(evidence.createdAt)) : '';
  if (evidence.kind === 'TEXT') {
    return (
      <Box
        component="li"
        sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-child': { border: 0 } }}
      >
        <Typography variant="caption" color="text.secondary">
          Statement · {added}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', mt: 0.5 }}>
          {evidence.text}
        </Typography>
      </Box>
    );
  }
  const name = evidence.fileName ?? 'evidence';
  return (
    <Box
      component="li"
      sx={{
        py: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
        '&:last-child': { border: 0 },
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
      }}
    >
      <AttachFileIcon fontSize="small" color="action" />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
          {name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {[evidence.contentType, formatBytes(evidence.size), added].filter(Boolean).join(' · ')}
        </Typography>
      </Box>
      <DownloadButton
        label="Download"
        ariaLabel={`Download ${name}`}
        fetchFile={() => dataProvider.downloadDisputeEvidence(String(dispute.id), evidence.id)}
        filename={name}
      />
    </Box>
  );
};

/** What was submitted in response: statements and files, each file downloadable. */
export const EvidencePanel = () => {
  const record = useRecordContext<Dispute>();
  if (!record) return null;
  const evidence = record.evidence ?? [];
  return (
    <Panel title="Evidence" subheader="Submitted with the response; files are stored encrypted">
      {evidence.length === 0 ? (
        <Nothing text="No evidence submitted yet." />
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label="Evidence">
          {evidence.map((item) => (
            <Entry key={item.id} dispute={record} evidence={item} />
          ))}
        </Box>
      )}
    </Panel>
  );
};
