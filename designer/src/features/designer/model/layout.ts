import type { Definition } from './document';

export interface Point { x: number; y: number }
export type Positions = Record<string, Point>;

export const nodeSize = { width: 190, height: 64 } as const;

// elkjs is large; load it on first layout so the first screen stays small.
let elk: Promise<InstanceType<typeof import('elkjs/lib/elk.bundled.js').default>> | null = null;
const layoutEngine = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

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
