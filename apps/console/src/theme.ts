import { alpha, createTheme, type PaletteMode, type Theme } from '@mui/material/styles';
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

/**
 * Each mode's colours. Every text colour here meets WCAG AA (4.5:1) on the backgrounds it is
 * drawn on, and the status colours are dark (light mode) or light (dark mode) enough to carry
 * text and to take white (or navy) text on top: the e2e axe checks hold both themes to it
 * (decision 0029).
 */
const PALETTES = {
  light: {
    // A shade under the brand teal: links and chips on the grey chip background need 4.5:1.
    primary: { main: '#0d6e67', light: brand.tealLight, dark: '#0a5c56', contrastText: '#ffffff' },
    secondary: { main: brand.navy, light: '#2c5378', dark: brand.navyDark, contrastText: '#ffffff' },
    background: { default: brand.mist, paper: '#ffffff' },
    // Disabled text still reads (4.5:1): an inactive field's help says why it is inactive.
    text: { primary: '#1b2a38', secondary: '#516170', disabled: '#67737f' },
    divider: brand.line,
    success: { main: '#1f7a4a', contrastText: '#ffffff' },
    warning: { main: '#9a5b00', contrastText: '#ffffff' },
    error: { main: '#b3261e', contrastText: '#ffffff' },
    info: { main: '#235f99', contrastText: '#ffffff' },
  },
  dark: {
    primary: { main: brand.tealLight, light: '#5fd0c2', dark: brand.teal, contrastText: brand.navyDark },
    secondary: { main: '#8fb4d6', light: '#b6d0e8', dark: brand.navy, contrastText: brand.navyDark },
    background: { default: '#0d1822', paper: '#14222f' },
    text: { primary: '#e6edf3', secondary: '#a7b4c0', disabled: '#8593a0' },
    divider: '#2a3a49',
    success: { main: '#5cc98b', contrastText: brand.navyDark },
    warning: { main: '#f0b45a', contrastText: brand.navyDark },
    error: { main: '#ff8a80', contrastText: brand.navyDark },
    info: { main: '#82b8ee', contrastText: brand.navyDark },
  },
} as const;

/** Surfaces that differ from `background.paper`: table heads, toolbars, the sidebar. */
const SURFACES = {
  light: { raised: '#f8fafb', sidebar: '#ffffff', line: brand.line },
  dark: { raised: '#1a2a38', sidebar: '#111e2a', line: '#2a3a49' },
} as const;

const base = (mode: PaletteMode) =>
  createTheme({
    palette: { mode, ...PALETTES[mode] },
    shape: { borderRadius: 10 },
    typography: {
      fontFamily: "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
      h4: { fontWeight: 700, letterSpacing: '-0.02em' },
      h5: { fontWeight: 700, letterSpacing: '-0.01em' },
      h6: { fontWeight: 600 },
      subtitle1: { fontWeight: 600 },
      subtitle2: { fontWeight: 600, color: PALETTES[mode].text.secondary },
      button: { textTransform: 'none', fontWeight: 600 },
      overline: { fontWeight: 700, letterSpacing: '0.08em' },
    },
    sidebar: { width: 248, closedWidth: 56 },
  });

/** A focus ring that shows on every background, for keyboard users only (`:focus-visible`). */
const focusRing = (theme: Theme) => ({
  outline: `2px solid ${theme.palette.mode === 'dark' ? '#ffffff' : brand.navy}`,
  outlineOffset: 2,
});

const components = (theme: Theme): RaThemeOptions['components'] => {
  const surface = SURFACES[theme.palette.mode];
  const accent = theme.palette.primary.main;
  return {
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': focusRing(theme),
        // Recharts' tooltips write each line in its series colour on a white box (inline styles):
        // too faint for the lighter series, unreadable in the dark theme. Text and box come from
        // the theme instead, for every chart; the series keep their colours in bars and legend.
        '.recharts-default-tooltip': {
          backgroundColor: `${theme.palette.background.paper} !important`,
          borderColor: `${theme.palette.divider} !important`,
        },
        '.recharts-tooltip-label, .recharts-tooltip-item': {
          color: `${theme.palette.text.primary} !important`,
        },
      },
    },
    // react-admin's spinners (the app bar's, a loading list's) say what they are.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiAppBar: {
      styleOverrides: {
        root: {
          boxShadow: 'none',
          backgroundImage: 'none',
          borderBottom: `1px solid ${alpha('#ffffff', 0.08)}`,
        },
        colorSecondary: {
          backgroundColor: theme.palette.mode === 'dark' ? brand.navyDark : brand.navy,
          color: '#ffffff',
        },
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
    MuiCard: { styleOverrides: { root: { borderRadius: 14, border: `1px solid ${surface.line}` } } },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { borderRadius: 8 } },
    },
    MuiChip: { styleOverrides: { root: { fontWeight: 600 } } },
    MuiTextField: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiAutocomplete: { defaultProps: { fullWidth: true } },
    MuiTableCell: {
      styleOverrides: {
        root: { borderBottom: `1px solid ${surface.line}` },
        head: { fontWeight: 600, color: theme.palette.text.secondary, backgroundColor: surface.raised },
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
            backgroundColor: alpha(accent, 0.12),
            color: theme.palette.mode === 'dark' ? accent : theme.palette.primary.dark,
            fontWeight: 600,
            '& .MuiSvgIcon-root': { color: 'inherit' },
          },
        },
      },
    },
    RaSidebar: {
      styleOverrides: {
        root: {
          '& .RaSidebar-fixed': {
            backgroundColor: surface.sidebar,
            borderRight: `1px solid ${surface.line}`,
          },
        },
      },
    },
    RaLayout: {
      styleOverrides: {
        root: {
          [theme.breakpoints.up('md')]: { '& .RaLayout-content': { padding: theme.spacing(2, 3) } },
        },
      },
    },
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-headerCell': { backgroundColor: surface.raised },
          // Rows that open a record are focusable (layout/KeyboardRows): show where focus is.
          '& .RaDataTable-clickableRow:focus-visible': {
            ...focusRing(theme),
            outlineOffset: -2,
            backgroundColor: theme.palette.action.hover,
          },
        },
      },
    },
    RaToolbar: {
      styleOverrides: {
        root: { backgroundColor: surface.raised, borderTop: `1px solid ${surface.line}` },
      },
    },
  };
};

const withComponents = (theme: Theme): RaThemeOptions => {
  theme.components = { ...theme.components, ...components(theme) };
  return theme;
};

/** react-admin's `theme` and `darkTheme`: the app bar's toggle switches between them. */
export const lightTheme: RaThemeOptions = withComponents(base('light'));
export const darkTheme: RaThemeOptions = withComponents(base('dark'));

/** What other modules use for surfaces drawn by hand (charts, code blocks). */
export const surfaces = SURFACES;
