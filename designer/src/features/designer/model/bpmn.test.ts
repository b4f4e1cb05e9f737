import { describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import { exportBpmn, importBpmn } from './bpmn';
import { fiveStepTemplate } from './template';
import type { Definition } from './document';

function withConsultation(): Definition {
  const def = fiveStepTemplate('land-check', 'Kiểm tra đất đai');
  def.steps.push(
    { id: 'split', kind: 'parallel-split', name: 'Tham vấn' },
    { id: 'consult', kind: 'task', name: 'Ý kiến công an', role: 'specialist', unit: 'cong-an-tinh', budget: '1d', outcomes: ['answered'] },
    { id: 'join', kind: 'parallel-join', name: 'Hợp nhất' },
    { id: 'check', kind: 'gateway', name: 'Có phí?' },
    { id: 'wait', kind: 'timer', name: 'Chờ', wait: '2d' },
  );
  def.transitions.push(
    { from: 'split', to: 'consult' }, { from: 'consult', to: 'join', outcome: 'answered' },
    { from: 'check', to: 'wait', condition: 'fee > 0 && channel == "desk"' }, { from: 'check', to: 'done', default: true },
  );
  return def;
}

describe('BPMN export', () => {
  it('is BPMN 2.0 that bpmn-moddle reads without warnings, with every step, flow and a diagram', async () => {
    const def = withConsultation();
    const xml = exportBpmn(def, {});
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const process = rootElement.rootElements?.find((e) => e.$type === 'bpmn:Process');
    const types = process?.flowElements?.map((e) => e.$type) ?? [];
    expect(types.filter((t) => t !== 'bpmn:SequenceFlow')).toHaveLength(def.steps.length);
    expect(types.filter((t) => t === 'bpmn:SequenceFlow')).toHaveLength(def.transitions.length);
    expect(types).toContain('bpmn:ParallelGateway');
    expect(types).toContain('bpmn:ExclusiveGateway');
    expect(types).toContain('bpmn:IntermediateCatchEvent');
    const gateway = process?.flowElements?.find((e) => e.id === 'check');
    expect(gateway?.default?.targetRef?.id).toBe('done');
    const conditional = process?.flowElements?.find((e) => e.conditionExpression);
    expect(conditional?.conditionExpression?.body).toBe('fee > 0 && channel == "desk"');
    expect(rootElement.diagrams?.[0]?.plane?.planeElement).toHaveLength(def.steps.length + def.transitions.length);
    expect(process?.laneSets?.[0]?.lanes?.map((l) => l.name)).toContain('Chuyên viên');
  });

  it('imports back to the same steps and transitions', async () => {
    const def = withConsultation();
    const back = await importBpmn(exportBpmn(def, {}));
    expect(back.skipped).toEqual([]);
    expect(back.def.id).toBe(def.id);
    expect(back.def.steps.map((s) => [s.id, s.kind, s.role ?? null, s.outcomes ?? null]))
      .toEqual(def.steps.map((s) => [s.id, s.kind, s.role ?? null, s.outcomes ?? null]));
    expect(back.def.transitions.map((t) => [t.from, t.to, t.outcome ?? null, t.condition ?? null, t.default ?? false]))
      .toEqual(def.transitions.map((t) => [t.from, t.to, t.outcome ?? null, t.condition ?? null, t.default ?? false]));
  });

  it('names what it cannot import instead of failing', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="Process_p">
    <bpmn:startEvent id="s" /><bpmn:subProcess id="sub" /><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const result = await importBpmn(xml);
    expect(result.skipped).toEqual(['SubProcess sub']);
    expect(result.def.steps.map((s) => s.kind)).toEqual(['start', 'end']);
  });
});
