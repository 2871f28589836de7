import { useState, type ReactNode } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Button, useNotify } from 'react-admin';
import { saveBlob } from './download';

export interface DownloadButtonProps {
  label: string;
  /** Fetches the file with the session (see `fetchFile`). */
  fetchFile: () => Promise<Blob>;
  filename: string;
  disabled?: boolean;
  icon?: ReactNode;
  testId?: string;
  /** An accessible name when the label alone is ambiguous (one button per table row). */
  ariaLabel?: string;
}

/**
 * Downloads a file from the admin API with the session's credentials and saves it under
 * `filename`; failures are notified, not thrown.
 */
export const DownloadButton = ({
  label,
  fetchFile,
  filename,
  disabled,
  icon,
  testId,
  ariaLabel,
}: DownloadButtonProps) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file: unknown = await fetchFile();
      // The data provider proxy answers `{ data: {} }` instead when the session expired and it logged out.
      if (file instanceof Blob) saveBlob(file, filename);
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'conduit.common.download_failed', {
        type: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      label={label}
      onClick={(event) => {
        event.stopPropagation();
        void download();
      }}
      disabled={busy || disabled}
      data-testid={testId}
      aria-label={ariaLabel}
    >
      {busy ? <CircularProgress size={16} color="inherit" /> : (icon ?? <DownloadIcon />)}
    </Button>
  );
};
