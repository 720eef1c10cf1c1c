/**
 * The viewers chart's time axis: a few ticks on round clock times (every 10
 * minutes, every 3 hours…), as many as the width has room for.
 */
const MINUTE = 60_000;
const STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440];
/** Room one "HH:mm" label needs, with the space around it. */
export const TICK_SPACING_PX = 90;

/**
 * Tick times in [from, to], on multiples of the step in local wall-clock time
 * ("every 3 hours" is 00:00, 03:00… on the operator's clock, also across a
 * daylight-saving change), at most as many as the width has room for.
 */
export function timeTicks(from: number, to: number, widthPx: number): number[] {
  if (!(to > from)) return [];
  const most = Math.max(2, Math.floor(widthPx / TICK_SPACING_PX));
  // Steps at least a label's room apart; a range that starts and ends on a tick has one tick more than steps.
  const stepMin = STEPS_MIN.find((m) => (to - from) / (m * MINUTE) <= most);
  if (stepMin === undefined) return dayTicks(from, to, most);
  const ticks: number[] = [];
  for (let t = onStep(Math.ceil(from / MINUTE) * MINUTE, stepMin, 0); t <= to; t = onStep(t, stepMin, 1)) ticks.push(t);
  return ticks;
}

const STEPS_DAYS = [2, 7, 14, 30];

/** Ranges of weeks and months: local midnights, every few days (a 90-day chart has one a fortnight). */
function dayTicks(from: number, to: number, most: number): number[] {
  const days = STEPS_DAYS.find((d) => (to - from) / (d * 1440 * MINUTE) <= most) ?? STEPS_DAYS[STEPS_DAYS.length - 1]!;
  const date = new Date(from);
  date.setHours(24, 0, 0, 0);
  const ticks: number[] = [];
  // setDate counts calendar days, so a daylight-saving change never moves a tick off midnight.
  for (; date.getTime() <= to; date.setDate(date.getDate() + days)) ticks.push(date.getTime());
  return ticks;
}

/** The local time `ahead` steps after the last multiple of the step at or before `at` (all steps divide a day). */
function onStep(at: number, stepMin: number, ahead: 0 | 1): number {
  const date = new Date(at);
  const minuteOfDay = date.getHours() * 60 + date.getMinutes();
  const aligned = minuteOfDay % stepMin === 0 && ahead === 0;
  const target = aligned ? minuteOfDay : (Math.floor(minuteOfDay / stepMin) + 1) * stepMin;
  // setHours counts wall-clock minutes from local midnight, rolling over into the next day.
  date.setHours(0, target, 0, 0);
  const next = date.getTime();
  // In the repeated hour of a change back, wall-clock time can name an earlier instant: step on in real time.
  return next > at || (ahead === 0 && next === at) ? next : at + stepMin * MINUTE;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** "14:30"; local midnight shows the date instead, so a 24-hour axis says where the day changes. */
export function tickLabel(at: number): string {
  const date = new Date(at);
  return date.getHours() === 0 && date.getMinutes() === 0 ? day.format(date) : clock.format(date);
}
