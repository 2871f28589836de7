import { useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFileOutlined';
import CloseIcon from '@mui/icons-material/Close';
import SendIcon from '@mui/icons-material/SendOutlined';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Dispute } from '../api/settlementTypes';
import { dueCountdown } from '../common/dates';
import { formatBytes } from '../common/money';
import { Panel } from '../transactions/Panel';
import { MAX_FILES } from './constants';
import { addFiles, toEvidenceFile } from './files';

const due = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/**
 * The practice's one response to a chargeback: a statement and up to five files (5 MiB each,
 * checked here before upload), sent as JSON with the files in base64. The dispute then goes to
 * review and the page reloads it.
 */
export const RespondPanel = () => {
  const record = useRecordContext<Dispute>();
  const { canAccess } = useCanAccess({ resource: 'disputes', action: 'respond', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);

  const submit = useMutation({
    mutationFn: async () =>
      dataProvider.submitDisputeEvidence(String(record?.id), {
        text: text.trim(),
        files: await Promise.all(files.map(toEvidenceFile)),
      }),
    onSuccess: () => {
      setConfirming(false);
      setText('');
      setFiles([]);
      notify('Response submitted: the dispute is under review', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => {
      setConfirming(false);
      notify(error.message || 'The response could not be submitted. Please try again.', { type: 'error' });
    },
  });

  if (!record || record.status !== 'NEEDS_RESPONSE' || !canAccess) return null;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    // Let the same file be chosen again after it was removed.
    event.target.value = '';
    const result = addFiles(files, chosen);
    setFiles(result.files);
    setProblems(result.problems);
  };

  const remove = (file: File) => {
    setFiles((current) => current.filter((f) => f !== file));
    setProblems([]);
  };

  const review = () => {
    if (!text.trim() && files.length === 0) {
      setProblems(['Write a response or attach at least one file.']);
      return;
    }
    setProblems([]);
    setConfirming(true);
  };

  const countdown = dueCountdown(record.dueAt);
  const dueDate = new Date(record.dueAt);
  return (
    <Panel title="Respond" subheader="Tell the card network why the charge is valid">
      <Alert severity={countdown === 'Overdue' ? 'error' : 'warning'} sx={{ mb: 2 }}>
        {Number.isNaN(dueDate.getTime())
          ? 'A response is due.'
          : `Respond by ${due.format(dueDate)}${countdown ? ` (${countdown.toLowerCase()})` : ''}.`}{' '}
        Describe the service and how the patient authorized the payment, and attach receipts, signed consent
        or visit notes. The response is sent once and cannot be changed.
      </Alert>
      <TextField
        label="Your response"
        value={text}
        onChange={(e) => setText(e.target.value)}
        multiline
        minRows={5}
        disabled={submit.isPending}
        slotProps={{ htmlInput: { maxLength: 20000 } }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mt: 1.5 }}>
        <Button
          variant="outlined"
          component="label"
          startIcon={<AttachFileIcon />}
          disabled={submit.isPending || files.length >= MAX_FILES}
        >
          Add files
          <input
            type="file"
            multiple
            hidden
            onChange={choose}
            aria-label="Evidence files"
            data-testid="dispute-evidence-files"
          />
        </Button>
        <Typography variant="caption" color="text.secondary">
          Up to {MAX_FILES} files, 5 MiB each
        </Typography>
      </Box>
      {files.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, mt: 1.5, p: 0 }} aria-label="Files to submit">
          {files.map((file) => (
            <Box
              component="li"
              key={`${file.name}-${file.size}-${file.lastModified}`}
              sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}
            >
              <AttachFileIcon fontSize="small" color="action" />
              <Typography variant="body2" sx={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>
                {file.name}{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  {formatBytes(file.size)}
                </Typography>
              </Typography>
              <Tooltip title="Remove">
                <IconButton
                  size="small"
                  onClick={() => remove(file)}
                  aria-label={`Remove ${file.name}`}
                  disabled={submit.isPending}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Box>
          ))}
        </Box>
      )}
      {problems.length > 0 && (
        <Alert severity="error" sx={{ mt: 1.5 }} data-testid="dispute-evidence-problems">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" startIcon={<SendIcon />} onClick={review} disabled={submit.isPending}>
          Submit response
        </Button>
      </Box>
      <Confirm
        isOpen={confirming}
        loading={submit.isPending}
        title="Submit this response?"
        content={`The statement${files.length ? ` and ${files.length} ${files.length === 1 ? 'file' : 'files'}` : ''} will be sent to the card network. A response cannot be changed once submitted.`}
        confirm="Submit"
        onConfirm={() => submit.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Panel>
  );
};
