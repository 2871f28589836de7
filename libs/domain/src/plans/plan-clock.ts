import { businessDateOf } from '../settlement/calendar';
import { addDays } from './schedule';

/**
 * A merchant's plan clock: its local date now, and the date of the scheduler's next run — today
 * while the local hour is before the merchant's charge hour, tomorrow after it. "Charged at the
 * next run" (a new payment method, a re-presentment) means that date.
 */
export function planClock(m: { timeZone: string; planChargeHour: number }, now = new Date()) {
  const today = businessDateOf(m.timeZone, now);
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: m.timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now),
  );
  return { today, nextRun: hour < m.planChargeHour ? today : addDays(today, 1) };
}
