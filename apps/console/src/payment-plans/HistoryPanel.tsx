import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { Panel } from '../transactions/Panel';
import type { PaymentPlan, PlanHistoryEntry } from './types';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "payment-plan.paused" → "Paused". */
const actionLabel = (action: string) => {
  const verb = action.replace(/^payment-plan\./, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  return verb.charAt(0).toUpperCase() + verb.slice(1).toLowerCase();
};

const changeSummary = (e: PlanHistoryEntry) =>
  Object.entries(e.changes ?? {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');

/** The plan's audit entries, oldest first: who created, paused, resumed or changed it, and when. */
export const HistoryPanel = () => {
  const record = useRecordContext<PaymentPlan>();
  const translate = useTranslate();
  if (!record?.history) return null;
  return (
    <Panel title="conduit.payment_plans.history.title">
      {record.history.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('conduit.payment_plans.history.none')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="plan-history">
          {record.history.map((e) => (
            <ListItem key={e.id} disableGutters>
              <ListItemText
                primary={`${actionLabel(e.action)} — ${e.actorLabel ?? e.actorType}`}
                secondary={[when.format(new Date(e.createdAt)), changeSummary(e)].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};
