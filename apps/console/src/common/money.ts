const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdWhole = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

const MINUS = '\u2212';

const withMinus = (format: Intl.NumberFormat, dollars: number): string =>
  format
    .formatToParts(dollars)
    .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
    .join('');

/** Integer cents → "$1,234.50", negatives as "−$25.00" (a true minus sign); an em dash when empty. */
export const formatCents = (cents: number | null | undefined): string =>
  typeof cents === 'number' && Number.isFinite(cents) ? withMinus(usd, cents / 100) : '—';

/** Whole dollars for chart axes: "$1,235", "−$25". */
export const formatDollarsAxis = (dollars: number): string => withMinus(usdWhole, dollars);

/** Exact dollars for chart tooltips (the charts plot dollars, not cents). */
export const formatDollars = (dollars: number): string => withMinus(usd, dollars);

/** "4.2 KB", "5.0 MB" (binary units, as the 5 MiB evidence limit is). */
export const formatBytes = (bytes: number | null | undefined): string => {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};
