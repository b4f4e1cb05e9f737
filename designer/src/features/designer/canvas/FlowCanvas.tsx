import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background, ControlButton, Controls, MarkerType, MiniMap, Panel, ReactFlow, ViewportPortal, applyNodeChanges, useReactFlow, useStore,
  type Connection, type Edge, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ValidationProblem } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import type { Definition } from '../model/document';
import { laneHeaderWidth, lanesOf, nodeSize, type Positions } from '../model/layout';
import type { DefinitionDiff } from '../model/diff';
import { roleColor } from '../model/roleColors';
import { StepNode, type StepFlowNode, type StepNodeData } from './StepNode';

const nodeTypes = { step: StepNode };

/** Below this zoom a step's name is no longer readable (12 px text at 0.6 is about 7 px). */
export const readableZoom = 0.6;
/** The furthest an analyst may zoom out by hand (the minimap and the overview stay usable). */
export const minimumZoom = 0.25;
/** The MIME type of a step kind dragged from the palette. */
export const paletteDragType = 'application/x-workflows-step-kind';

export interface CanvasSelection {
  steps: ReadonlySet<string>;
  transitions: ReadonlySet<number>;
}

export interface FlowCanvasProps {
  def: Definition;
  positions: Positions;
  selection: CanvasSelection;
  problems: readonly ValidationProblem[];
  diff?: DefinitionDiff | null;
  waiting?: ReadonlySet<string>;
  readOnly?: boolean;
  onSelection?: (update: (previous: CanvasSelection) => CanvasSelection) => void;
  onMove?: (id: string, x: number, y: number, dragging: boolean) => void;
  onDragStart?: () => void;
  onConnect?: (from: string, to: string) => void;
  onReconnect?: (index: number, from: string, to: string) => void;
  onDelete?: (steps: string[], transitions: number[]) => void;
  /** Changed by the editor when the whole drawing moved (auto-layout, lanes, import): fit again. */
  fitKey?: number;
  /** Draw a swimlane band behind the steps of each responsible role. */
  lanes?: boolean;
  /** A palette item dropped on the canvas at this flow position. */
  onDropKind?: (kind: string, x: number, y: number) => void;
  /** A step to bring into view (e.g. picked in the problems list); a new key asks again for the same step. */
  focus?: { step: string; key: number } | null;
}

function edgeLabel(t: Definition['transitions'][number], defaultLabel: string): string | undefined {
  if (t.outcome) return t.outcome;
  if (t.condition) return t.condition.length > 28 ? `${t.condition.slice(0, 27)}…` : t.condition;
  return t.default ? defaultLabel : undefined;
}

export function FlowCanvas(props: FlowCanvasProps) {
  const { def, positions, selection, problems, diff, waiting, readOnly, onSelection, onMove, onDragStart, onConnect, onReconnect, onDelete, onDropKind, lanes, fitKey, focus } = props;
  const { t } = useI18n();
  const roleIds = useMemo(() => def.roles.map((r) => r.id ?? ''), [def.roles]);

  // Each step's drawing data keeps its identity while nothing it shows changed, so moving one step (or editing one)
  // re-renders that step only, not all sixty.
  const dataCache = useRef(new Map<string, StepNodeData>());
  const stepData = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of problems) if (p.step && p.severity === 'error') counts.set(p.step, (counts.get(p.step) ?? 0) + 1);
    const next = new Map<string, StepNodeData>();
    def.steps.forEach((step, i) => {
      const id = step.id ?? `#${i}`;
      const role = def.roles.find((r) => r.id === step.role);
      const data: StepNodeData = {
        step,
        kindLabel: t(`kind.${step.kind ?? 'task'}` as 'kind.task'),
        roleLabel: role ? role.name ?? role.id ?? null : step.role ?? null,
        color: roleColor(roleIds, step.role),
        problems: counts.get(id) ?? 0,
        diff: diff?.steps[id] ?? null,
        waiting: waiting?.has(id) ?? false,
      };
      const cached = dataCache.current.get(id);
      next.set(id, cached && sameData(cached, data) ? cached : data);
    });
    dataCache.current = next;
    return next;
  }, [def.steps, def.roles, problems, diff, waiting, roleIds, t]);

  const nodes = useMemo<StepFlowNode[]>(() => def.steps.map((step, i) => {
    const id = step.id ?? `#${i}`;
    return {
      id,
      type: 'step',
      position: positions[id] ?? { x: i * 230, y: 0 },
      selected: selection.steps.has(id),
      draggable: !readOnly,
      connectable: !readOnly,
      data: stepData.get(id)!,
    };
  }), [def.steps, stepData, positions, selection.steps, readOnly]);

  const edges = useMemo<Edge[]>(() => {
    const added = new Set(diff?.addedTransitions ?? []);
    const removed = new Set(diff?.removedTransitions ?? []);
    return def.transitions.map((tr, i) => {
      const color = added.has(tr) ? '#2f9e44' : removed.has(tr) ? '#e03131' : tr.default ? '#868e96' : '#495057';
      return {
        id: `t${i}`,
        source: tr.from ?? '',
        target: tr.to ?? '',
        label: edgeLabel(tr, t('transition.default')),
        selected: selection.transitions.has(i),
        reconnectable: !readOnly,
        markerEnd: { type: MarkerType.ArrowClosed, color },
        style: { stroke: color, strokeWidth: selection.transitions.has(i) ? 3 : 1.5, strokeDasharray: tr.default || removed.has(tr) ? '5 4' : undefined },
        labelBgStyle: { fill: '#fff' },
        data: { index: i },
      };
    });
  }, [def.transitions, selection.transitions, diff, readOnly, t]);

  // React Flow measures nodes into its own copy; keep that copy, refreshed from the definition on every change.
  const [flowNodes, setFlowNodes] = useState<StepFlowNode[]>(nodes);
  useEffect(() => {
    setFlowNodes((previous) => {
      const measured = new Map(previous.map((n) => [n.id, n.measured]));
      return nodes.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
  }, [nodes]);

  // Fit when the steps are first laid out and whenever the editor asks (auto-layout, lanes, import), but never
  // zoom out so far that names cannot be read: a big procedure is shown from its start at a readable zoom instead
  // (the minimap and panning reach the rest). A step added off-screen is brought into view without a jump.
  const { fitView, setViewport, setCenter, getViewport, screenToFlowPosition } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const stepCount = def.steps.length;
  /** Fits every step when that stays readable; otherwise shows the start at the readable zoom (unless onlyIfAllFit). */
  const fitReadable = useCallback((onlyIfAllFit = false): boolean => {
    const box = wrapper.current?.getBoundingClientRect();
    const points = Object.values(positions);
    if (!box || box.width === 0 || points.length === 0) return false;
    // With lanes on, the lane names are drawn left of the first step: they are part of what must be seen.
    const minX = Math.min(...points.map((p) => p.x)) - (lanes ? laneHeaderWidth : 0);
    const maxX = Math.max(...points.map((p) => p.x)) + nodeSize.width;
    const minY = Math.min(...points.map((p) => p.y));
    const maxY = Math.max(...points.map((p) => p.y)) + nodeSize.height;
    const margin = 30;
    const zoom = Math.min(1, (box.width - 2 * margin) / (maxX - minX), (box.height - 2 * margin) / (maxY - minY));
    if (zoom >= readableZoom) {
      if (!lanes) { void fitView({ duration: 0, maxZoom: 1, padding: 0.1 }); return true; }
      void setViewport({ x: (box.width - (maxX - minX) * zoom) / 2 - minX * zoom, y: (box.height - (maxY - minY) * zoom) / 2 - minY * zoom, zoom }, { duration: 0 });
      return true;
    }
    if (onlyIfAllFit) return false;
    const z = readableZoom;
    const y = maxY - minY <= (box.height - 2 * margin) / z ? (box.height - (maxY - minY) * z) / 2 - minY * z : margin - minY * z;
    void setViewport({ x: margin - minX * z, y, zoom: z }, { duration: 0 });
    return true;
  }, [positions, lanes, fitView, setViewport]);
  const fitRef = useRef(fitReadable);
  fitRef.current = fitReadable;
  const reveal = useCallback((id: string) => {
    const p = positions[id];
    const box = wrapper.current?.getBoundingClientRect();
    if (!p || !box) return;
    const { x, y, zoom } = getViewport();
    const left = -x / zoom, top = -y / zoom, right = left + box.width / zoom, bottom = top + box.height / zoom;
    if (p.x < left || p.y < top || p.x + nodeSize.width > right || p.y + nodeSize.height > bottom) {
      void setCenter(p.x + nodeSize.width / 2, p.y + nodeSize.height / 2, { zoom, duration: 0 });
    }
  }, [positions, getViewport, setCenter]);
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  const hasPositions = Object.keys(positions).length > 0;
  const lastCount = useRef<number | null>(null);
  const newest = def.steps[def.steps.length - 1]?.id ?? '';
  useEffect(() => {
    if (!hasPositions) return;
    const timer = setTimeout(() => {
      // A small procedure keeps every step in view; on a big one the view stays put and only a new step is revealed.
      if (lastCount.current === null) { if (!fitRef.current()) return; }
      else if (stepCount !== lastCount.current && !fitRef.current(true) && stepCount > lastCount.current) revealRef.current(newest);
      lastCount.current = stepCount;
    }, 50);
    return () => clearTimeout(timer);
  }, [stepCount, hasPositions, newest]);
  useEffect(() => {
    if (!focus) return;
    const timer = setTimeout(() => revealRef.current(focus.step), 0);
    return () => clearTimeout(timer);
  }, [focus]);
  useEffect(() => {
    if (!fitKey) return;
    const timer = setTimeout(() => fitRef.current(), 50);
    return () => clearTimeout(timer);
  }, [fitKey]);

  const select = useCallback((stepChanges: Map<string, boolean>, transitionChanges: Map<number, boolean>) => {
    if (stepChanges.size === 0 && transitionChanges.size === 0) return;
    onSelection?.((previous) => {
      const steps = new Set(previous.steps);
      const transitions = new Set(previous.transitions);
      for (const [id, on] of stepChanges) { if (on) steps.add(id); else steps.delete(id); }
      for (const [i, on] of transitionChanges) { if (on) transitions.add(i); else transitions.delete(i); }
      return { steps, transitions };
    });
  }, [onSelection]);

  const onNodesChange = useCallback((changes: NodeChange<StepFlowNode>[]) => {
    setFlowNodes((current) => applyNodeChanges(changes.filter((c) => c.type === 'dimensions'), current));
    const selected = new Map<string, boolean>();
    for (const c of changes) {
      if (c.type === 'position' && c.position) onMove?.(c.id, c.position.x, c.position.y, c.dragging ?? false);
      if (c.type === 'select') selected.set(c.id, c.selected);
    }
    select(selected, new Map());
  }, [onMove, select]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selected = new Map<number, boolean>();
    for (const c of changes) if (c.type === 'select') selected.set(Number(c.id.slice(1)), c.selected);
    select(new Map(), selected);
  }, [select]);

  const legend = useMemo(() => {
    const used = new Set(def.steps.map((s) => s.role).filter((r): r is string => !!r));
    return def.roles.filter((r) => r.id && used.has(r.id)).map((r) => ({ id: r.id ?? '', name: r.name || r.id || '', color: roleColor(roleIds, r.id) }));
  }, [def.steps, def.roles, roleIds]);

  const bands = useMemo(() => {
    if (!lanes) return [];
    const points = Object.values(positions);
    const left = Math.min(...points.map((p) => p.x)) - laneHeaderWidth;
    const right = Math.max(...points.map((p) => p.x)) + nodeSize.width + 30;
    const names = new Map(def.roles.map((r) => [r.id ?? '', r.name || r.id || '']));
    return lanesOf(def, positions).map((l) => ({ ...l, left, width: right - left, name: names.get(l.role) || l.role || '—', color: roleColor(roleIds, l.role) }));
  }, [lanes, def, positions, roleIds]);

  return (
    <div ref={wrapper} style={{ width: '100%', height: '100%' }}
      onDragOver={(e) => { if (!readOnly && e.dataTransfer.types.includes(paletteDragType)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(paletteDragType);
        if (!kind || readOnly) return;
        e.preventDefault();
        const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
        onDropKind?.(kind, p.x - nodeSize.width / 2, p.y - nodeSize.height / 2);
      }}>
    <ReactFlow<StepFlowNode, Edge>
      nodes={flowNodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStart={() => onDragStart?.()}
      onConnect={(c: Connection) => c.source && c.target && onConnect?.(c.source, c.target)}
      onReconnect={(old, c) => c.source && c.target && onReconnect?.(Number(old.id.slice(1)), c.source, c.target)}
      onDelete={({ nodes: n, edges: e }) => onDelete?.(n.map((x) => x.id), e.map((x) => Number(x.id.slice(1))))}
      deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
      multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
      selectionKeyCode="Shift"
      nodesConnectable={!readOnly}
      edgesReconnectable={!readOnly}
      minZoom={minimumZoom}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} />
      {bands.length > 0 && (
        <ViewportPortal>
          <LaneBands bands={bands} />
        </ViewportPortal>
      )}
      <MiniMap pannable zoomable nodeColor={(n) => (n.data as StepFlowNode['data']).color} />
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton onClick={() => void fitRef.current()} title={t('canvas.fit')} aria-label={t('canvas.fit')} data-testid="fit-readable">⤢</ControlButton>
        <ControlButton onClick={() => void fitView({ duration: 0, minZoom: minimumZoom })} title={t('canvas.overview')} aria-label={t('canvas.overview')} data-testid="fit-all">⛶</ControlButton>
      </Controls>
      {legend.length > 0 && (
        <Panel position="top-left" className="role-legend" data-testid="role-legend">
          <div className="role-legend-title">{t('canvas.legend')}</div>
          {legend.map((r) => (
            <div key={r.id} className="role-legend-item" data-testid={`legend-${r.id}`}><span style={{ background: r.color }} />{r.name}</div>
          ))}
        </Panel>
      )}
    </ReactFlow>
    </div>
  );
}

interface Band { role: string; name: string; color: string; left: number; top: number; width: number; height: number }

/**
 * The swimlane bands behind the steps. A lane's name stays at the left edge of the canvas while the analyst pans
 * along a long lane (it never scrolls out of sight or gets cut), and goes back to the band's start when that is in view.
 */
function LaneBands({ bands }: { bands: readonly Band[] }) {
  const [x, , zoom] = useStore((s) => s.transform);
  const viewLeft = -x / zoom;
  return bands.map((b) => (
    <div key={b.role} className="lane" data-testid={`lane-${b.role}`}
      style={{ transform: `translate(${b.left}px, ${b.top}px)`, width: b.width, height: b.height, ['--role-color' as string]: b.color }}>
      <span data-testid={`lane-label-${b.role}`} style={{ transform: `translateX(${Math.max(0, Math.min(viewLeft - b.left, b.width - laneHeaderWidth))}px)` }}>{b.name}</span>
    </div>
  ));
}

function sameData(a: StepNodeData, b: StepNodeData): boolean {
  return a.step === b.step && a.kindLabel === b.kindLabel && a.roleLabel === b.roleLabel && a.color === b.color
    && a.problems === b.problems && a.diff === b.diff && a.waiting === b.waiting;
}
