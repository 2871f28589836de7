import { Box, Typography } from '@mui/material';
import { brand } from '../theme';

export const LogoMark = ({ size = 32, inverse = false }: { size?: number; inverse?: boolean }) => (
  <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
    <rect width="64" height="64" rx="14" fill={inverse ? 'rgba(255,255,255,0.12)' : brand.navy} />
    <path
      d="M42 22a14 14 0 1 0 0 20"
      fill="none"
      stroke={brand.tealLight}
      strokeWidth="7"
      strokeLinecap="round"
    />
    <circle cx="44" cy="32" r="4" fill="#ffffff" />
  </svg>
);

export const Logo = ({ inverse = false, size = 32 }: { inverse?: boolean; size?: number }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
    <LogoMark size={size} inverse={inverse} />
    <Typography
      component="span"
      sx={{
        fontWeight: 800,
        fontSize: size * 0.62,
        letterSpacing: '-0.02em',
        color: inverse ? '#ffffff' : brand.navy,
      }}
    >
      Conduit
    </Typography>
  </Box>
);
