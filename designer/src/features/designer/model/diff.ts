import type { StepDocument, TransitionDocument } from '../../../api/client';
import type { Definition } from './document';

export type StepChange = 'added' | 'removed' | 'changed' | 'same';

export interface DefinitionDiff {
  steps: Record<string, StepChange>;
  /** Per changed step, the properties that differ. */
  changedProperties: Record<string, string[]>;
  addedTransitions: TransitionDocument[];
  removedTransitions: TransitionDocument[];
  formChanged: boolean;
}

const transitionKey = (t: TransitionDocument) => `${t.from}→${t.to}|${t.outcome ?? ''}|${t.condition ?? ''}|${t.default ? 'd' : ''}`;

function changedProps(a: StepDocument, b: StepDocument): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof StepDocument)[]);
  return [...keys].filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).sort();
}

/** What changed from one version (before) to another (after): steps by id, transitions by their content. */
export function diffDefinitions(before: Definition, after: Definition): DefinitionDiff {
  const steps: Record<string, StepChange> = {};
  const changedProperties: Record<string, string[]> = {};
  const old = new Map(before.steps.map((s) => [s.id ?? '', s]));
  const now = new Map(after.steps.map((s) => [s.id ?? '', s]));
  for (const [id, step] of now) {
    const was = old.get(id);
    if (!was) steps[id] = 'added';
    else {
      const props = changedProps(was, step);
      steps[id] = props.length ? 'changed' : 'same';
      if (props.length) changedProperties[id] = props;
    }
  }
  for (const id of old.keys()) if (!now.has(id)) steps[id] = 'removed';
  const beforeKeys = new Set(before.transitions.map(transitionKey));
  const afterKeys = new Set(after.transitions.map(transitionKey));
  return {
    steps,
    changedProperties,
    addedTransitions: after.transitions.filter((t) => !beforeKeys.has(transitionKey(t))),
    removedTransitions: before.transitions.filter((t) => !afterKeys.has(transitionKey(t))),
    formChanged: JSON.stringify(before.form) !== JSON.stringify(after.form),
  };
}

/** Both versions' steps and transitions in one graph, so removed steps can be drawn beside the rest. */
export function unionDefinition(before: Definition, after: Definition): Definition {
  const ids = new Set(after.steps.map((s) => s.id));
  const keys = new Set(after.transitions.map(transitionKey));
  return {
    ...after,
    steps: [...after.steps, ...before.steps.filter((s) => !ids.has(s.id))],
    transitions: [...after.transitions, ...before.transitions.filter((t) => !keys.has(transitionKey(t)))],
  };
}
