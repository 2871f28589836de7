import { Box, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFileOutlined';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Dispute, DisputeEvidence } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';
import { formatBytes } from '../common/money';
import { Nothing, Panel } from '../transactions/Panel';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const Entry = ({ dispute, evidence }: { dispute: Dispute; evidence: DisputeEvidence }) => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const translate = useTranslate();
  const added = evidence.createdAt ? when.format(new Date(evidence.createdAt)) : '';
  if (evidence.kind === 'TEXT') {
    return (
      <Box
        component="li"
        sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-child': { border: 0 } }}
      >
        <Typography variant="caption" color="text.secondary">
          {translate('conduit.disputes.evidence.statement', { added })}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', mt: 0.5 }}>
          {evidence.text}
        </Typography>
      </Box>
    );
  }
  const name = evidence.fileName ?? translate('conduit.disputes.evidence.file');
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
        label="conduit.disputes.evidence.download"
        ariaLabel={translate('conduit.disputes.evidence.download_named', { name })}
        fetchFile={() => dataProvider.downloadDisputeEvidence(String(dispute.id), evidence.id)}
        filename={name}
      />
    </Box>
  );
};

/** What was submitted in response: statements and files, each file downloadable. */
export const EvidencePanel = () => {
  const record = useRecordContext<Dispute>();
  const translate = useTranslate();
  if (!record) return null;
  const evidence = record.evidence ?? [];
  return (
    <Panel title="conduit.disputes.evidence.title" subheader="conduit.disputes.evidence.subheader">
      {evidence.length === 0 ? (
        <Nothing text="conduit.disputes.evidence.none" />
      ) : (
        <Box
          component="ul"
          sx={{ listStyle: 'none', m: 0, p: 0 }}
          aria-label={translate('conduit.disputes.evidence.title')}
        >
          {evidence.map((item) => (
            <Entry key={item.id} dispute={record} evidence={item} />
          ))}
        </Box>
      )}
    </Panel>
  );
};
