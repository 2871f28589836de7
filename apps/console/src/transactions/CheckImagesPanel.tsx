import { useState } from 'react';
import {
  Box,
  ButtonBase,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Skeleton,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { CheckImage, Transaction } from '../api/types';
import { Panel } from './Panel';

const SIDE_KEYS: Record<CheckImage['side'], string> = {
  FRONT: 'conduit.transactions.check_images.front',
  BACK: 'conduit.transactions.check_images.back',
};

/** A Blob as a data: URL (the console's CSP allows data: images, not blob: ones). */
const dataUrlOf = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read'));
    reader.readAsDataURL(blob);
  });

/**
 * The image, fetched with the session (an <img src> at the API could not send the bearer token)
 * and kept as a data: URL while the page is open. Each fetch is an audited view on the server,
 * so it is asked for once per page, not on every render or refocus.
 */
const useImageUrl = (url: string): { src?: string; isError: boolean } => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const { data, isError } = useQuery({
    queryKey: ['check-image', url],
    queryFn: async () => dataUrlOf(await dataProvider.fetchCheckImage(url)),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  return { src: data, isError };
};

const Thumbnail = ({
  image,
  alt,
  onOpen,
}: {
  image: CheckImage;
  alt: string;
  onOpen: (src: string) => void;
}) => {
  const translate = useTranslate();
  const { src, isError } = useImageUrl(image.url);
  const side = translate(SIDE_KEYS[image.side]);
  return (
    <Box component="figure" sx={{ m: 0, width: 240, maxWidth: '100%' }}>
      {isError ? (
        <Typography variant="body2" color="error" sx={{ height: 110, display: 'flex', alignItems: 'center' }}>
          {translate('conduit.transactions.check_images.failed')}
        </Typography>
      ) : src ? (
        <ButtonBase
          onClick={() => onOpen(src)}
          data-testid={`check-image-${image.side.toLowerCase()}`}
          sx={{
            display: 'block',
            borderRadius: 1,
            border: '1px solid',
            borderColor: 'divider',
            overflow: 'hidden',
            '&.Mui-focusVisible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
          }}
        >
          <Box
            component="img"
            src={src}
            alt={translate('conduit.transactions.check_images.enlarge', { image: alt })}
            sx={{ display: 'block', width: '100%', height: 110, objectFit: 'contain', bgcolor: 'grey.100' }}
          />
        </ButtonBase>
      ) : (
        <Skeleton variant="rectangular" width={240} height={110} />
      )}
      <Typography component="figcaption" variant="caption" color="text.secondary">
        {side}
      </Typography>
    </Box>
  );
};

/** The scanned check beside an eCheck taken with checkPresentStatus=Present (staff only). */
export const CheckImagesPanel = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  const [open, setOpen] = useState<{ src: string; alt: string } | null>(null);
  const images = record?.checkImages ?? [];
  if (!record || images.length === 0) return null;
  const altOf = (image: CheckImage) =>
    translate(
      record.checkNumber
        ? 'conduit.transactions.check_images.alt_numbered'
        : 'conduit.transactions.check_images.alt',
      { side: translate(SIDE_KEYS[image.side]), number: record.checkNumber ?? '' },
    );
  return (
    <Panel
      title="conduit.transactions.panels.check_images"
      subheader="conduit.transactions.check_images.note"
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {images.map((image) => (
          <Thumbnail
            key={image.side}
            image={image}
            alt={altOf(image)}
            onOpen={(src) => setOpen({ src, alt: altOf(image) })}
          />
        ))}
      </Box>
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        maxWidth="lg"
        aria-labelledby="check-image-title"
      >
        <DialogTitle id="check-image-title">{open?.alt}</DialogTitle>
        <DialogContent>
          {open && (
            <Box
              component="img"
              src={open.src}
              alt={open.alt}
              data-testid="check-image-large"
              sx={{ display: 'block', maxWidth: '100%', maxHeight: '75vh' }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(null)}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </Panel>
  );
};
