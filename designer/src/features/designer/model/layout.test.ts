import { describe, expect, it } from 'vitest';
import { laneLayout, laneRoles, lanesOf, nodeSize } from './layout';
import { fiveStepTemplate } from './template';

describe('swimlanes by role', () => {
  const def = fiveStepTemplate('permit', 'Cấp phép');
  const layered = Object.fromEntries(def.steps.map((s, i) => [s.id ?? '', { x: i * 250, y: (i % 2) * 100 }]));

  it('puts a step nobody works on in the lane of the step that leads into it', () => {
    const roles = laneRoles(def);
    expect(roles.get('receive')).toBe('desk-officer');
    expect(roles.get('submit')).toBe('desk-officer');
    expect(roles.get('done')).toBe('desk-officer');
    expect(roles.get('refused')).toBe('desk-officer');
  });

  it('gives each role its own band, in the order of the roles, keeping the left-to-right order', () => {
    const positions = laneLayout(def, layered);
    const lanes = lanesOf(def, positions);
    expect(lanes.map((l) => l.role)).toEqual(['desk-officer', 'specialist', 'leader', 'clerk']);
    for (const [a, b] of lanes.slice(1).map((l, i) => [lanes[i], l] as const)) expect(b!.top).toBeGreaterThanOrEqual(a!.top + a!.height);
    for (const s of def.steps) expect(positions[s.id ?? '']?.x).toBe(layered[s.id ?? '']?.x);
    const appraise = positions['appraise']!;
    const specialist = lanes.find((l) => l.role === 'specialist')!;
    expect(appraise.y).toBeGreaterThanOrEqual(specialist.top);
    expect(appraise.y + nodeSize.height).toBeLessThanOrEqual(specialist.top + specialist.height);
  });

  it('stacks steps of one lane that would overlap instead of drawing them on top of each other', () => {
    const crowded = Object.fromEntries(def.steps.map((s) => [s.id ?? '', { x: 0, y: 0 }]));
    const positions = laneLayout(def, crowded);
    const desk = def.steps.filter((s) => laneRoles(def).get(s.id ?? '') === 'desk-officer').map((s) => positions[s.id ?? '']!.y);
    expect(new Set(desk).size).toBe(desk.length);
  });
});
