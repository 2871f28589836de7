import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../api/settlementTypes';
import { Panel } from '../transactions/Panel';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `title` and `detail` are i18n keys (the reason's detail is shown as it is). */
interface Step {
  title: string;
  at: string | null;
  detail?: string;
  colour: string;
  /** Not happened yet: drawn hollow. */
  pending?: boolean;
}

const steps = (d: Dispute): Step[] => {
  const now = Date.now();
  const due = Date.parse(d.dueAt);
  const list: Step[] = [
    {
      title: 'conduit.disputes.timeline.received',
      at: d.openedAt,
      detail: `${d.reasonCode}${d.reasonDescription ? ` · ${d.reasonDescription}` : ''}`,
      colour: 'warning.main',
    },
  ];
  if (d.submittedAt) {
    list.push({ title: 'conduit.disputes.timeline.submitted', at: d.submittedAt, colour: 'info.main' });
  } else {
    const late = Number.isFinite(due) && due <= now;
    list.push({
      title: late ? 'conduit.disputes.timeline.was_due' : 'conduit.disputes.timeline.due',
      at: d.dueAt,
      detail: late ? 'conduit.disputes.timeline.late' : 'conduit.disputes.timeline.before',
      colour: late ? 'error.main' : 'grey.400',
      pending: !late,
    });
  }
  if (d.resolvedAt || d.status === 'WON' || d.status === 'LOST') {
    const won = d.status === 'WON';
    list.push({
      title: won ? 'conduit.disputes.states.won' : 'conduit.disputes.states.lost',
      at: d.resolvedAt,
      detail: won ? 'conduit.disputes.timeline.reversed' : 'conduit.disputes.timeline.stands',
      colour: won ? 'success.main' : 'error.main',
    });
  } else if (d.status === 'UNDER_REVIEW') {
    list.push({
      title: 'conduit.disputes.timeline.under_review',
      at: null,
      colour: 'grey.400',
      pending: true,
    });
  }
  return list;
};

const formatAt = (at: string | null) => {
  const date = at ? new Date(at) : null;
  return date && !Number.isNaN(date.getTime()) ? when.format(date) : null;
};

/** The dispute's story: chargeback, response (or its deadline), outcome. */
export const TimelinePanel = () => {
  const record = useRecordContext<Dispute>();
  const translate = useTranslate();
  if (!record) return null;
  const list = steps(record);
  return (
    <Panel title="conduit.disputes.timeline.title">
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {list.map((step, index) => {
          const last = index === list.length - 1;
          return (
            <Box
              component="li"
              key={step.title}
              sx={{
                position: 'relative',
                pl: 3.5,
                pb: last ? 0 : 2.5,
                '&::before': last
                  ? undefined
                  : {
                      content: '""',
                      position: 'absolute',
                      left: 7,
                      top: 20,
                      bottom: 0,
                      width: 2,
                      bgcolor: 'divider',
                    },
              }}
            >
              <Box
                sx={{
                  position: 'absolute',
                  left: 0,
                  top: 4,
                  width: 16,
                  height: 16,
                  borderRadius: '50%',
                  boxSizing: 'border-box',
                  ...(step.pending
                    ? { border: 2, borderColor: step.colour, bgcolor: 'background.paper' }
                    : { bgcolor: step.colour }),
                }}
              />
              <Typography variant="subtitle1">{translate(step.title)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {[formatAt(step.at), step.detail && translate(step.detail, { _: step.detail })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Panel>
  );
};
