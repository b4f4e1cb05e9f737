import { describe, expect, it } from 'vitest';
import { readWorkingDuration } from './duration';

describe('working durations as the engine reads them', () => {
  it.each([
    ['3d', { kind: 'days', amount: 3 }],
    ['0.5d', { kind: 'days', amount: 0.5 }],
    [' 4H ', { kind: 'hours', amount: 4 }],
    ['same-day', { kind: 'same-day', cutoff: null }],
    ['same-day@15:00', { kind: 'same-day', cutoff: '15:00' }],
  ])('reads %s', (text, reading) => expect(readWorkingDuration(text)).toEqual(reading));

  it.each(['', '3', 'd', '-1d', '3 days', '2w', 'same-day@25:00', 'same-day@9:00', 'same-day15:00'])('refuses %j', (text) =>
    expect(readWorkingDuration(text)).toBeNull());
});
