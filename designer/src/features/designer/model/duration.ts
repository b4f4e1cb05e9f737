/** A working duration as the engine reads it (WorkingDuration.TryParse): "3d", "0.5d", "4h", "same-day", "same-day@15:00". */
export type WorkingDurationReading =
  | { kind: 'days' | 'hours'; amount: number }
  | { kind: 'same-day'; cutoff: string | null };

/** What a duration text means, or null when the engine would refuse it. */
export function readWorkingDuration(text: string): WorkingDurationReading | null {
  const s = text.trim().toLowerCase();
  const sameDay = /^same-day(?:@(\d{2}):(\d{2}))?$/.exec(s);
  if (sameDay) {
    const [, h, m] = sameDay;
    if (h === undefined || m === undefined) return { kind: 'same-day', cutoff: null };
    return Number(h) < 24 && Number(m) < 60 ? { kind: 'same-day', cutoff: `${h}:${m}` } : null;
  }
  const amount = /^(\d+(?:\.\d+)?|\.\d+)([dh])$/.exec(s);
  if (!amount?.[1]) return null;
  return { kind: amount[2] === 'd' ? 'days' : 'hours', amount: Number(amount[1]) };
}
