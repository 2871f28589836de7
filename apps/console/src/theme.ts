import { alpha, createTheme, type Theme } from '@mui/material/styles';
import type { RaThemeOptions } from 'react-admin';

/** Calm teal and navy: trustworthy, clinical without being cold. */
export const brand = {
  navy: '#12324f',
  navyDark: '#0b2136',
  teal: '#0f7c74',
  tealLight: '#2bb3a3',
  mist: '#f3f6f8',
  line: '#e2e8ee',
};

const base = createTheme({
  palette: {
    mode: 'light',
    primary: { main: brand.teal, light: brand.tealLight, dark: '#0a5c56', contrastText: '#ffffff' },
    secondary: { main: brand.navy, light: '#2c5378', dark: brand.navyDark, contrastText: '#ffffff' },
    background: { default: brand.mist, paper: '#ffffff' },
    text: { primary: '#1b2a38', secondary: '#5b6b7a' },
    divider: brand.line,
    success: { main: '#2e8b57' },
    warning: { main: '#c77d12' },
    error: { main: '#c0392b' },
    info: { main: '#2a6fb0' },
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily: "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    h4: { fontWeight: 700, letterSpacing: '-0.02em' },
    h5: { fontWeight: 700, letterSpacing: '-0.01em' },
    h6: { fontWeight: 600 },
    subtitle1: { fontWeight: 600 },
    subtitle2: { fontWeight: 600, color: '#5b6b7a' },
    button: { textTransform: 'none', fontWeight: 600 },
    overline: { fontWeight: 700, letterSpacing: '0.08em' },
  },
  sidebar: { width: 248, closedWidth: 56 },
});

const components = (theme: Theme): RaThemeOptions['components'] => ({
  MuiAppBar: {
    styleOverrides: {
      root: { boxShadow: 'none', borderBottom: `1px solid ${alpha('#ffffff', 0.08)}` },
      colorSecondary: { backgroundColor: brand.navy, color: '#ffffff' },
    },
  },
  MuiPaper: {
    styleOverrides: {
      rounded: { borderRadius: 14 },
      elevation1: {
        boxShadow: `0 1px 2px ${alpha(brand.navy, 0.06)}, 0 4px 16px ${alpha(brand.navy, 0.05)}`,
      },
    },
  },
  MuiCard: { styleOverrides: { root: { borderRadius: 14, border: `1px solid ${brand.line}` } } },
  MuiButton: {
    defaultProps: { disableElevation: true },
    styleOverrides: { root: { borderRadius: 8 } },
  },
  MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
  MuiTextField: { defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true } },
  MuiFormControl: { defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true } },
  MuiAutocomplete: { defaultProps: { fullWidth: true } },
  MuiTableCell: {
    styleOverrides: {
      root: { borderBottom: `1px solid ${brand.line}` },
      head: { fontWeight: 600, color: theme.palette.text.secondary, backgroundColor: '#f8fafb' },
    },
  },
  MuiTableRow: { styleOverrides: { root: { '&:last-child td': { borderBottom: 0 } } } },
  MuiListSubheader: {
    styleOverrides: {
      root: {
        backgroundColor: 'transparent',
        lineHeight: '32px',
        fontSize: '0.7rem',
        fontWeight: 700,
        letterSpacing: '0.08em',
        textTransform: 'uppercase',
        color: theme.palette.text.secondary,
      },
    },
  },
  RaMenuItemLink: {
    styleOverrides: {
      root: {
        margin: theme.spacing(0.25, 1),
        borderRadius: 8,
        color: theme.palette.text.primary,
        '&.RaMenuItemLink-active': {
          backgroundColor: alpha(brand.teal, 0.12),
          color: brand.teal,
          fontWeight: 600,
          '& .MuiSvgIcon-root': { color: brand.teal },
        },
      },
    },
  },
  RaSidebar: {
    styleOverrides: {
      root: {
        '& .RaSidebar-fixed': { backgroundColor: '#ffffff', borderRight: `1px solid ${brand.line}` },
      },
    },
  },
  RaLayout: {
    styleOverrides: {
      root: { [theme.breakpoints.up('md')]: { '& .RaLayout-content': { padding: theme.spacing(2, 3) } } },
    },
  },
  RaDataTable: {
    styleOverrides: {
      root: { '& .RaDataTable-headerCell': { backgroundColor: '#f8fafb' } },
    },
  },
  RaToolbar: {
    styleOverrides: { root: { backgroundColor: '#f8fafb', borderTop: `1px solid ${brand.line}` } },
  },
});

base.components = { ...base.components, ...components(base) };

export const theme: RaThemeOptions = base;
