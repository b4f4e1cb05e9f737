import type { StepDocument, StepKind, TransitionDocument } from '../../../api/client';
import { humanKinds, slugify, type Definition } from './document';
import { nodeSize, type Positions } from './layout';

/** Our own attributes on BPMN elements, so a round trip keeps what BPMN has no word for. */
export const workflowsNamespace = 'https://workflows.gov.vn/schema/bpmn';

const bpmnTypeOf: Record<StepKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  task: 'userTask',
  signature: 'userTask',
  issue: 'userTask',
  gateway: 'exclusiveGateway',
  'parallel-split': 'parallelGateway',
  'parallel-join': 'parallelGateway',
  timer: 'intermediateCatchEvent',
  automatic: 'scriptTask',
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const attr = (name: string, value: string | null | undefined) => (value ? ` ${name}="${escape(value)}"` : '');

function shapeSize(kind: string): { width: number; height: number } {
  if (kind === 'start' || kind === 'end' || kind === 'timer') return { width: 36, height: 36 };
  if (kind === 'gateway' || kind.startsWith('parallel')) return { width: 50, height: 50 };
  return { width: nodeSize.width - 40, height: 80 };
}

/**
 * BPMN 2.0 XML of the flow, with a diagram (shapes where the canvas draws them) and one lane per role,
 * so it opens in other modelers. Kinds, roles, budgets and outcomes ride along as wf: attributes.
 */
export function exportBpmn(def: Definition, positions: Positions): string {
  const flowId = (i: number) => `Flow_${i + 1}`;
  const outgoing = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  def.transitions.forEach((t, i) => {
    outgoing.set(t.from ?? '', [...(outgoing.get(t.from ?? '') ?? []), flowId(i)]);
    incoming.set(t.to ?? '', [...(incoming.get(t.to ?? '') ?? []), flowId(i)]);
  });
  const defaultFlow = (id: string) => {
    const i = def.transitions.findIndex((t) => t.from === id && t.default);
    return i >= 0 ? flowId(i) : null;
  };

  const lanes = def.roles
    .filter((r) => r.id && def.steps.some((s) => s.role === r.id))
    .map((r) => `      <bpmn:lane id="Lane_${escape(r.id ?? '')}"${attr('name', r.name ?? r.id)}>\n${def.steps
      .filter((s) => s.role === r.id)
      .map((s) => `        <bpmn:flowNodeRef>${escape(s.id ?? '')}</bpmn:flowNodeRef>`).join('\n')}\n      </bpmn:lane>`);

  const nodes = def.steps.map((s) => {
    const kind = (s.kind ?? 'task') as StepKind;
    const type = bpmnTypeOf[kind] ?? 'task';
    const id = s.id ?? '';
    const wf = attr('wf:kind', kind) + attr('wf:role', s.role) + attr('wf:unit', s.unit) + attr('wf:budget', s.budget)
      + attr('wf:status', s.status) + attr('wf:outcomes', s.outcomes?.join(' '));
    const gatewayDirection = kind === 'parallel-split' || kind === 'gateway' ? ' gatewayDirection="Diverging"'
      : kind === 'parallel-join' ? ' gatewayDirection="Converging"' : '';
    const children = [
      ...(incoming.get(id) ?? []).map((f) => `<bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(id) ?? []).map((f) => `<bpmn:outgoing>${f}</bpmn:outgoing>`),
      ...(kind === 'timer' ? [`<bpmn:timerEventDefinition id="Timer_${escape(id)}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${escape(s.wait ?? '')}</bpmn:timeDuration></bpmn:timerEventDefinition>`] : []),
    ];
    return `    <bpmn:${type} id="${escape(id)}"${attr('name', s.name)}${gatewayDirection}${attr('default', kind === 'gateway' ? defaultFlow(id) : null)}${wf}>\n${children.map((c) => `      ${c}`).join('\n')}\n    </bpmn:${type}>`;
  });

  const flows = def.transitions.map((t, i) => {
    const condition = t.condition ? `\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(t.condition)}</bpmn:conditionExpression>\n    ` : '';
    return `    <bpmn:sequenceFlow id="${flowId(i)}" sourceRef="${escape(t.from ?? '')}" targetRef="${escape(t.to ?? '')}"${attr('name', t.outcome)}${attr('wf:outcome', t.outcome)}>${condition}</bpmn:sequenceFlow>`;
  });

  const centre = (id: string, kind: string) => {
    const p = positions[id] ?? { x: 0, y: 0 };
    const size = shapeSize(kind);
    return { x: p.x + nodeSize.width / 2 - size.width / 2, y: p.y + nodeSize.height / 2 - size.height / 2, ...size };
  };
  const shapes = def.steps.map((s) => {
    const b = centre(s.id ?? '', s.kind ?? 'task');
    return `      <bpmndi:BPMNShape id="${escape(s.id ?? '')}_di" bpmnElement="${escape(s.id ?? '')}">\n        <dc:Bounds x="${Math.round(b.x)}" y="${Math.round(b.y)}" width="${b.width}" height="${b.height}" />\n      </bpmndi:BPMNShape>`;
  });
  const kindOf = new Map(def.steps.map((s) => [s.id ?? '', s.kind ?? 'task']));
  const edges = def.transitions.map((t, i) => {
    const a = centre(t.from ?? '', kindOf.get(t.from ?? '') ?? 'task');
    const b = centre(t.to ?? '', kindOf.get(t.to ?? '') ?? 'task');
    return `      <bpmndi:BPMNEdge id="${flowId(i)}_di" bpmnElement="${flowId(i)}">\n        <di:waypoint x="${Math.round(a.x + a.width)}" y="${Math.round(a.y + a.height / 2)}" />\n        <di:waypoint x="${Math.round(b.x)}" y="${Math.round(b.y + b.height / 2)}" />\n      </bpmndi:BPMNEdge>`;
  });

  const processId = `Process_${slugify(def.id) || 'procedure'}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:wf="${workflowsNamespace}" id="Definitions_${escape(slugify(def.id) || 'procedure')}" targetNamespace="${workflowsNamespace}/${escape(def.id)}" exporter="Workflows Designer" exporterVersion="1">
  <bpmn:process id="${escape(processId)}"${attr('name', def.name)} isExecutable="true"${attr('wf:procedure', def.id)}${attr('wf:deadline', def.deadline)}>
${lanes.length ? `    <bpmn:laneSet id="LaneSet_1">\n${lanes.join('\n')}\n    </bpmn:laneSet>\n` : ''}${nodes.join('\n')}
${flows.join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="${escape(processId)}">
${shapes.join('\n')}
${edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

export interface BpmnImport {
  def: Definition;
  positions: Positions;
  /** Elements outside the supported subset, named so the analyst knows what was left out. */
  skipped: string[];
}

const kindOfType: Record<string, StepKind> = {
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
  'bpmn:UserTask': 'task',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'task',
  'bpmn:ExclusiveGateway': 'gateway',
  'bpmn:ScriptTask': 'automatic',
  'bpmn:ServiceTask': 'automatic',
};

/**
 * Reads the supported subset of BPMN 2.0 (start/end events, tasks, exclusive and parallel gateways, timer
 * catch events, sequence flows with names and conditions, lanes as roles) into a definition.
 */
export async function importBpmn(xml: string): Promise<BpmnImport> {
  const { BpmnModdle } = await import('bpmn-moddle');
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const process = rootElement.rootElements?.find((e) => e.$type === 'bpmn:Process');
  if (!process) throw new Error('no-process');
  const attrs = (n: { $attrs?: Record<string, string> }, name: string): string | undefined => {
    const all = n.$attrs ?? {};
    const key = Object.keys(all).find((k) => k === `wf:${name}` || k.endsWith(`:${name}`) && k.startsWith('wf'));
    return key ? all[key] : undefined;
  };
  const skipped: string[] = [];
  const idMap = new Map<string, string>();
  const roleOfNode = new Map<string, string>();
  const roles: Definition['roles'] = [];
  for (const lane of process.laneSets?.flatMap((s) => s.lanes ?? []) ?? []) {
    const id = slugify(lane.id?.replace(/^Lane_/, '') ?? lane.name ?? '') || `role-${roles.length + 1}`;
    roles.push({ id, name: lane.name ?? id });
    for (const ref of lane.flowNodeRef ?? []) if (ref.id) roleOfNode.set(ref.id, id);
  }

  const steps: StepDocument[] = [];
  const flows = (process.flowElements ?? []).filter((e) => e.$type === 'bpmn:SequenceFlow');
  for (const element of process.flowElements ?? []) {
    if (element.$type === 'bpmn:SequenceFlow') continue;
    let kind: StepKind | undefined = kindOfType[element.$type];
    const declared = attrs(element, 'kind') as StepKind | undefined;
    if (element.$type === 'bpmn:ParallelGateway') {
      const out = flows.filter((f) => f.sourceRef === element).length;
      kind = element.gatewayDirection === 'Diverging' ? 'parallel-split'
        : element.gatewayDirection === 'Converging' ? 'parallel-join'
          : out > 1 ? 'parallel-split' : 'parallel-join';
    }
    if (element.$type === 'bpmn:IntermediateCatchEvent' && element.eventDefinitions?.some((d) => d.$type === 'bpmn:TimerEventDefinition')) kind = 'timer';
    if (declared && kind && (declared === kind || (kind === 'task' && humanKinds.has(declared)))) kind = declared;
    if (!kind) {
      skipped.push(`${element.$type.replace('bpmn:', '')} ${element.id ?? ''}`.trim());
      continue;
    }
    const id = slugify(element.id ?? '') || `${kind}-${steps.length + 1}`;
    idMap.set(element.id ?? '', id);
    const step: StepDocument = { id, kind, name: element.name ?? id };
    if (humanKinds.has(kind)) {
      step.role = attrs(element, 'role') ?? roleOfNode.get(element.id ?? '') ?? null;
      step.budget = attrs(element, 'budget') ?? '1d';
      const outs = flows.filter((f) => f.sourceRef === element).map((f) => attrs(f, 'outcome') ?? f.name ?? '').filter((o) => o);
      step.outcomes = attrs(element, 'outcomes')?.split(' ').filter((o) => o) ?? (outs.length ? [...new Set(outs.map(slugify))] : ['done']);
    }
    if (attrs(element, 'unit')) step.unit = attrs(element, 'unit') ?? null;
    if (attrs(element, 'status')) step.status = attrs(element, 'status') ?? null;
    if (kind === 'timer') step.wait = element.eventDefinitions?.[0]?.timeDuration?.body ?? '1d';
    steps.push(step);
  }
  for (const step of steps) {
    if (step.role && !roles.some((r) => r.id === step.role)) roles.push({ id: step.role, name: step.role });
  }

  const transitions: TransitionDocument[] = [];
  for (const flow of flows) {
    const from = idMap.get(flow.sourceRef?.id ?? '');
    const to = idMap.get(flow.targetRef?.id ?? '');
    if (!from || !to) {
      skipped.push(`SequenceFlow ${flow.id ?? ''}`);
      continue;
    }
    const source = steps.find((s) => s.id === from);
    const t: TransitionDocument = { from, to };
    if (source && humanKinds.has(source.kind ?? '')) t.outcome = attrs(flow, 'outcome') ?? (flow.name ? slugify(flow.name) : source.outcomes?.[0] ?? null);
    if (flow.conditionExpression?.body) t.condition = flow.conditionExpression.body;
    if (flow.sourceRef?.default === flow) t.default = true;
    transitions.push(t);
  }

  const positions: Positions = {};
  for (const shape of rootElement.diagrams?.[0]?.plane?.planeElement ?? []) {
    const id = idMap.get(shape.bpmnElement?.id ?? '');
    if (id && shape.bounds) {
      positions[id] = { x: shape.bounds.x + shape.bounds.width / 2 - nodeSize.width / 2, y: shape.bounds.y + shape.bounds.height / 2 - nodeSize.height / 2 };
    }
  }

  const procedureId = attrs(process, 'procedure') ?? (slugify(process.id?.replace(/^Process_/, '') ?? '') || 'imported-procedure');
  return {
    def: {
      id: procedureId,
      name: process.name ?? procedureId,
      deadline: attrs(process, 'deadline') ?? null,
      roles,
      form: { fields: [] },
      steps,
      transitions,
    },
    positions,
    skipped,
  };
}
