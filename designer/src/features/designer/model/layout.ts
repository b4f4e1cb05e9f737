import type { ELK } from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Definition } from './document';

export interface Point { x: number; y: number }
export type Positions = Record<string, Point>;

export const nodeSize = { width: 190, height: 64 } as const;

// elkjs is 1.4 MB of compiled Java: it runs in a web worker (the browser parses and runs it off the main thread, so
// neither the first screen nor the canvas waits for it); only the small API that talks to the worker is loaded here.
let elk: Promise<ELK> | null = null;
const layoutEngine = () => (elk ??= import('elkjs/lib/elk-api.js').then(({ default: Elk }) => new Elk({ workerUrl: elkWorkerUrl })));

/**
 * Starts the layout worker and lets it parse elkjs while nothing else happens (an empty graph), so the first
 * procedure opened is laid out without that wait.
 */
export function warmLayoutEngine(): Promise<unknown> {
  return layoutEngine().then((engine) => engine.layout({ id: 'warm-up', children: [], edges: [] }));
}

/** Layered left-to-right layout of the steps (elkjs), for a readable flow without hand placement. */
export async function autoLayout(def: Definition): Promise<Positions> {
  const ids = new Set(def.steps.map((s) => s.id ?? ''));
  const graph = await (await layoutEngine()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: def.steps.map((s) => ({ id: s.id ?? '', width: nodeSize.width, height: nodeSize.height })),
    edges: def.transitions
      .filter((t) => ids.has(t.from ?? '') && ids.has(t.to ?? ''))
      .map((t, i) => ({ id: `e${i}`, sources: [t.from ?? ''], targets: [t.to ?? ''] })),
  });
  const positions: Positions = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}

/** Somewhere free for a step added without a position: right of everything, at the top. */
export function freeSpot(positions: Positions): Point {
  const xs = Object.values(positions).map((p) => p.x);
  return { x: (xs.length ? Math.max(...xs) : 0) + nodeSize.width + 60, y: 0 };
}

/** A horizontal band of the canvas holding the steps of one responsible role. */
export interface Lane { role: string; top: number; height: number }

/** Room left of the first step for the lanes' names (flow px). */
export const laneHeaderWidth = 140;

const laneGap = 30;
const lanePadding = 20;

/**
 * The role each step is drawn in: its own role, or for a step nobody works on (start, gateway, timer, end)
 * the role of the step that leads into it, so a branch stays in the lane where the decision was taken.
 */
export function laneRoles(def: Definition): Map<string, string> {
  const lanes = new Map<string, string>();
  for (const s of def.steps) if (s.role) lanes.set(s.id ?? '', s.role);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of def.transitions) {
      const from = lanes.get(t.from ?? '');
      if (from && !lanes.has(t.to ?? '')) { lanes.set(t.to ?? '', from); changed = true; }
    }
  }
  // A start step (nothing leads into it) goes where its first successor is.
  for (const s of def.steps) {
    const id = s.id ?? '';
    if (lanes.has(id)) continue;
    const next = def.transitions.find((t) => t.from === id && lanes.has(t.to ?? ''));
    lanes.set(id, next ? lanes.get(next.to ?? '') ?? '' : '');
  }
  return lanes;
}

/** Roles in the order their lanes are drawn: the definition's role order, then a lane for steps without one. */
function laneOrder(def: Definition, roles: Map<string, string>): string[] {
  const used = new Set(roles.values());
  const order = def.roles.map((r) => r.id ?? '').filter((r) => used.has(r));
  for (const r of used) if (!order.includes(r)) order.push(r);
  return order;
}

/**
 * Swimlanes by responsible role: keeps each step's left-to-right place from the layered layout and moves it into
 * its role's band, stacking steps of one lane that would overlap.
 */
export function laneLayout(def: Definition, layered: Positions): Positions {
  const roles = laneRoles(def);
  const positions: Positions = {};
  let top = 0;
  for (const role of laneOrder(def, roles)) {
    const steps = def.steps.map((s) => s.id ?? '').filter((id) => roles.get(id) === role)
      .sort((a, b) => (layered[a]?.x ?? 0) - (layered[b]?.x ?? 0) || (layered[a]?.y ?? 0) - (layered[b]?.y ?? 0));
    const rowEnds: number[] = [];
    for (const id of steps) {
      const x = layered[id]?.x ?? 0;
      let row = rowEnds.findIndex((end) => end + 20 <= x);
      if (row < 0) { row = rowEnds.length; rowEnds.push(0); }
      rowEnds[row] = x + nodeSize.width;
      positions[id] = { x, y: top + lanePadding + row * (nodeSize.height + laneGap) };
    }
    top += lanePadding * 2 + Math.max(1, rowEnds.length) * (nodeSize.height + laneGap);
  }
  return positions;
}

/** The bands to draw behind the steps, from where the steps are now (so a moved step stretches its lane). */
export function lanesOf(def: Definition, positions: Positions): Lane[] {
  const roles = laneRoles(def);
  return laneOrder(def, roles).flatMap((role) => {
    const ys = def.steps.filter((s) => roles.get(s.id ?? '') === role).map((s) => positions[s.id ?? '']?.y).filter((y): y is number => y !== undefined);
    if (ys.length === 0) return [];
    const top = Math.min(...ys) - lanePadding + 4;
    return [{ role, top, height: Math.max(...ys) + nodeSize.height + lanePadding - 4 - top }];
  });
}
