import { lazy, Suspense, useMemo, useRef } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Grid,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useLocation, useNavigate, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { ReconciliationFilter } from '../api/settlementTypes';
import { addDays, formatBusinessDate, localDay } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';
import { formatCents } from '../common/money';
import { MoneyFigure, deduction } from '../settlements/TotalsCards';
import { MerchantPicker } from './MerchantPicker';
import { ReconciliationTable } from './ReconciliationTable';

const ReconciliationChart = lazy(() => import('./ReconciliationChart'));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The default range: the last 30 days, today included. */
const RANGE_DAYS = 30;

/**
 * The range and merchant live in the URL, so a reconciliation can be bookmarked or linked to
 * (a settlement's "Reconcile this day"), and a link followed while the page is open applies.
 */
const useFilter = () => {
  const location = useLocation();
  const navigate = useNavigate();
  // The search last asked for, so that changes made before the router re-renders add up.
  const latest = useRef(location.search);
  const seen = useRef(location.search);
  if (seen.current !== location.search) {
    seen.current = location.search;
    latest.current = location.search;
  }
  const params = new URLSearchParams(location.search);
  const today = localDay();
  const defaults = { from: addDays(today, -(RANGE_DAYS - 1)), to: today };
  const from = params.get('from') ?? defaults.from;
  const to = params.get('to') ?? defaults.to;
  const merchantId = params.get('merchantId');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(latest.current);
    if (!next.has('from')) next.set('from', defaults.from);
    if (!next.has('to')) next.set('to', defaults.to);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    latest.current = `?${next.toString()}`;
    navigate({ pathname: location.pathname, search: latest.current }, { replace: true });
  };
  let problem: string | null = null;
  if (!DAY.test(from) || !DAY.test(to)) problem = 'conduit.reconciliation.problems.dates';
  else if (from > to) problem = 'conduit.reconciliation.problems.order';
  return { from, to, merchantId, update, problem };
};

/** `text` is an i18n key. */
const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Box
      sx={{
        height: 300,
        display: 'grid',
        placeItems: 'center',
        textAlign: 'center',
        color: 'text.secondary',
      }}
    >
      <Box>
        <InsightsIcon sx={{ fontSize: 44, color: 'primary.light', mb: 1 }} />
        <Typography variant="body2">{translate(text)}</Typography>
      </Box>
    </Box>
  );
};

const WIDTH = { xs: 6, sm: 4, md: 3 };

/**
 * What was settled, refunded, returned, charged back and charged in fees, against the deposits
 * expected and received, per business day over a range: the finance office's morning check.
 */
export const ReconciliationPage = () => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const translate = useTranslate();
  const { from, to, merchantId, update, problem } = useFilter();
  const filter: ReconciliationFilter = useMemo(
    () => ({ from, to, ...(merchantId ? { merchantId } : {}) }),
    [from, to, merchantId],
  );
  const { data, isPending, error } = useQuery({
    queryKey: ['reconciliation', filter],
    queryFn: () => dataProvider.getReconciliation(filter),
    enabled: problem === null,
    retry: false,
  });
  const loading = problem === null && isPending;
  const totals = data?.totals;
  const range = `${formatBusinessDate(from)} – ${formatBusinessDate(to)}`;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="conduit.menu.reconciliation" />
      <Card sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
          <TextField
            type="date"
            label={translate('conduit.transactions.labels.from')}
            value={from}
            onChange={(e) => update({ from: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 180 }}
            fullWidth={false}
            error={problem !== null}
          />
          <TextField
            type="date"
            label={translate('conduit.transactions.labels.to')}
            value={to}
            onChange={(e) => update({ to: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 180 }}
            fullWidth={false}
            error={problem !== null}
            helperText={problem ? translate(problem) : undefined}
          />
          <MerchantPicker value={merchantId} onChange={(id) => update({ merchantId: id })} />
          <Box sx={{ flex: 1 }} />
          <DownloadButton
            label="conduit.transactions.labels.export_csv"
            fetchFile={() => dataProvider.exportReconciliation(filter)}
            filename={`reconciliation-${from}-to-${to}.csv`}
            disabled={problem !== null || !data}
            testId="reconciliation-export"
          />
        </CardContent>
      </Card>

      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('conduit.reconciliation.load_failed', { message: error.message })}
        </Alert>
      )}

      <Grid container spacing={2}>
        {loading &&
          Array.from({ length: 8 }, (_, i) => (
            <Grid key={i} size={WIDTH}>
              <Skeleton variant="rounded" height={104} />
            </Grid>
          ))}
        {totals && (
          <>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.gross_sales"
                cents={totals.grossCents}
                caption={translate('conduit.reconciliation.batch_count', {
                  smart_count: totals.batchCount,
                  count: totals.batchCount.toLocaleString(),
                })}
                testId="reconciliation-gross"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.refunds"
                cents={deduction(totals.refundCents)}
                testId="reconciliation-refunds"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.returns"
                cents={deduction(totals.returnCents)}
                testId="reconciliation-returns"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.chargebacks"
                cents={deduction(totals.chargebackCents)}
                caption={
                  totals.reversalCents
                    ? translate('conduit.reconciliation.reversed', {
                        amount: formatCents(Math.abs(totals.reversalCents)),
                      })
                    : undefined
                }
                testId="reconciliation-chargebacks"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.fees"
                cents={deduction(totals.feeCents)}
                testId="reconciliation-fees"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.net"
                cents={totals.netCents}
                emphasis
                testId="reconciliation-net"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.deposits_expected"
                cents={totals.depositsExpectedCents}
                testId="reconciliation-expected"
              />
            </Grid>
            <Grid size={WIDTH}>
              <MoneyFigure
                label="conduit.settlements.figures.deposited"
                cents={totals.depositsDepositedCents}
                emphasis
                testId="reconciliation-deposited"
              />
            </Grid>
          </>
        )}

        <Grid size={12}>
          <Card>
            <CardHeader
              title={translate('conduit.reconciliation.by_day')}
              subheader={translate('conduit.reconciliation.by_day_subheader', { range })}
              slotProps={{ title: { variant: 'h6' } }}
            />
            <CardContent sx={{ pt: 0 }} data-testid="reconciliation-chart">
              {loading && <Skeleton variant="rounded" height={300} />}
              {problem && <Empty text={problem} />}
              {data && data.days.length === 0 && <Empty text="conduit.reconciliation.no_activity" />}
              {data && data.days.length > 0 && (
                <Suspense fallback={<Skeleton variant="rounded" height={300} />}>
                  <ReconciliationChart days={data.days} />
                </Suspense>
              )}
            </CardContent>
          </Card>
        </Grid>

        {data && (
          <Grid size={12}>
            <Card>
              <CardHeader
                title={translate('conduit.reconciliation.days')}
                subheader={translate('conduit.reconciliation.days_subheader')}
                slotProps={{ title: { variant: 'h6' } }}
              />
              <CardContent sx={{ pt: 0 }}>
                <ReconciliationTable data={data} merchantId={merchantId} />
              </CardContent>
            </Card>
          </Grid>
        )}
      </Grid>
    </Box>
  );
};
