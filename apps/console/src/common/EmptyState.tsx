import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { CreateButton, useTranslate } from 'react-admin';

/** `title`, `description` and `createLabel` are i18n keys (en.ts), or text already translated. */
export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** Show the create button (it still hides itself when the role may not create). */
  create?: boolean;
  createLabel?: string;
}

export const EmptyState = ({ icon, title, description, create = true, createLabel }: EmptyStateProps) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        mx: 'auto',
        mt: 6,
        maxWidth: 480,
        textAlign: 'center',
        p: 4,
        borderRadius: 4,
        border: '1px dashed',
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ color: 'primary.main', '& svg': { fontSize: 48 }, mb: 1 }}>{icon}</Box>
      <Typography variant="h6" gutterBottom>
        {translate(title, { _: title })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: create ? 3 : 0 }}>
        {translate(description, { _: description })}
      </Typography>
      {create && <CreateButton variant="contained" label={createLabel} />}
    </Box>
  );
};
