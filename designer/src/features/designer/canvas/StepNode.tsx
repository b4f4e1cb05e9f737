import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StepDocument } from '../../../api/client';
import type { StepChange } from '../model/diff';

export type StepNodeData = {
  step: StepDocument;
  kindLabel: string;
  roleLabel: string | null;
  color: string;
  problems: number;
  diff: StepChange | null;
  waiting: boolean;
};

export type StepFlowNode = Node<StepNodeData, 'step'>;

const kindIcon: Record<string, string> = {
  start: '▶', end: '■', task: '✎', signature: '✍', issue: '⎙', gateway: '◆', 'parallel-split': '⫘', 'parallel-join': '⫗', timer: '⏱', automatic: '⚙',
};

/** A step: shape by kind, border colour by responsible role, red when the validator found a problem. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const { step } = data;
  const kind = step.kind ?? 'task';
  const classes = ['step-node', `kind-${kind}`,
    selected ? 'selected' : '', data.problems > 0 ? 'has-error' : '', data.diff && data.diff !== 'same' ? `diff-${data.diff}` : '', data.waiting ? 'sim-waiting' : ''];
  return (
    <div className={classes.join(' ')} style={{ ['--role-color' as string]: data.color }} data-testid={`step-${step.id}`} data-step={step.id} data-kind={kind} data-problems={data.problems} data-diff={data.diff ?? undefined}>
      {kind !== 'start' && <Handle type="target" position={Position.Left} />}
      <div className="kind"><span>{kindIcon[kind] ?? ''} {data.kindLabel}</span>{step.budget && <span>{step.budget}</span>}</div>
      <div className="name">{step.name || step.id}</div>
      {(data.roleLabel || step.unit || step.wait) && (
        <div className="meta">{[data.roleLabel, step.unit, step.wait ? `⏱ ${step.wait}` : null].filter(Boolean).join(' · ')}</div>
      )}
      {data.problems > 0 && <span className="badge">{data.problems}</span>}
      {kind !== 'end' && <Handle type="source" position={Position.Right} />}
    </div>
  );
});
