import { useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFileOutlined';
import CloseIcon from '@mui/icons-material/Close';
import SendIcon from '@mui/icons-material/SendOutlined';
import { useMutation } from '@tanstack/react-query';
import {
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Dispute } from '../api/settlementTypes';
import { dueCountdown } from '../common/dates';
import { translateCountdown } from './fields';
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
  const translate = useTranslate();
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
      notify('conduit.disputes.respond.submitted', { type: 'success' });
      refresh();
    },
    onError: (error: Error) => {
      setConfirming(false);
      notify(error.message || 'conduit.disputes.respond.failed', { type: 'error' });
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
      setProblems([translate('conduit.disputes.respond.empty')]);
      return;
    }
    setProblems([]);
    setConfirming(true);
  };

  const countdown = dueCountdown(record.dueAt);
  const dueDate = new Date(record.dueAt);
  return (
    <Panel title="conduit.disputes.respond.title" subheader="conduit.disputes.respond.subheader">
      <Alert severity={countdown === 'Overdue' ? 'error' : 'warning'} sx={{ mb: 2 }}>
        {Number.isNaN(dueDate.getTime())
          ? translate('conduit.disputes.respond.due')
          : translate(
              countdown ? 'conduit.disputes.respond.due_by_countdown' : 'conduit.disputes.respond.due_by',
              {
                date: due.format(dueDate),
                countdown: countdown ? translateCountdown(countdown, translate).toLowerCase() : '',
              },
            )}{' '}
        {translate('conduit.disputes.respond.guidance')}
      </Alert>
      <TextField
        label={translate('conduit.disputes.respond.your_response')}
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
          {translate('conduit.disputes.respond.add_files')}
          <input
            type="file"
            multiple
            hidden
            onChange={choose}
            aria-label={translate('conduit.disputes.respond.evidence_files')}
            data-testid="dispute-evidence-files"
          />
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('conduit.disputes.respond.limits', { max: MAX_FILES })}
        </Typography>
      </Box>
      {files.length > 0 && (
        <Box
          component="ul"
          sx={{ listStyle: 'none', m: 0, mt: 1.5, p: 0 }}
          aria-label={translate('conduit.disputes.respond.files_to_submit')}
        >
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
              <Tooltip title={translate('conduit.disputes.respond.remove')}>
                <IconButton
                  size="small"
                  onClick={() => remove(file)}
                  aria-label={translate('conduit.disputes.respond.remove_named', { name: file.name })}
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
            <div key={problem}>{translate(problem, { _: problem })}</div>
          ))}
        </Alert>
      )}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
        <Button variant="contained" startIcon={<SendIcon />} onClick={review} disabled={submit.isPending}>
          {translate('conduit.disputes.respond.submit_response')}
        </Button>
      </Box>
      <Confirm
        isOpen={confirming}
        loading={submit.isPending}
        title="conduit.disputes.respond.confirm_title"
        content={
          files.length
            ? 'conduit.disputes.respond.confirm_with_files'
            : 'conduit.disputes.respond.confirm_statement'
        }
        translateOptions={{ smart_count: files.length }}
        confirm="conduit.disputes.respond.submit"
        onConfirm={() => submit.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Panel>
  );
};
