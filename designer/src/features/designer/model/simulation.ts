import type { FieldDocument, SimulationScript, SimulationTrace } from '../../../api/client';
import type { Definition } from './document';

/** One choice the analyst made while stepping through: complete a waiting step with an outcome, or fire its timer. */
export interface SimulationChoice {
  step: string;
  outcome?: string;
  timer?: boolean;
  /** When it happens (ISO instant); defaults to the previous command's instant on the server. */
  at?: string;
}

type JsonData = Record<string, never>;

/** A plausible value for a field, so required fields never stop a simulation. */
export function sampleValue(field: FieldDocument): string | number | boolean {
  switch (field.type) {
    case 'number': return 1;
    case 'boolean': return true;
    case 'date': return '2026-01-15';
    case 'select': return field.options?.[0] ?? 'x';
    case 'national-id': return '001234567890';
    default: return field.label ? `${field.label} (thử)` : 'thử';
  }
}

export function sampleData(def: Definition, keys?: readonly string[]): Record<string, string | number | boolean> {
  const wanted = keys ? new Set(keys) : null;
  return Object.fromEntries(def.form.fields
    .filter((f) => f.key && (wanted ? wanted.has(f.key) : f.required))
    .map((f) => [f.key ?? '', sampleValue(f)]));
}

/**
 * The script the simulation endpoint runs: one stand-in official per step (holding the step's role in the unit
 * the step runs in), so the analyst chooses outcomes and never has to set up people.
 */
export function buildScript(def: Definition, unit: string, submittedAt: string, data: Record<string, unknown>, choices: readonly SimulationChoice[]): SimulationScript {
  const signatures = syntheticSignatures();
  const actors: NonNullable<SimulationScript['actors']> = {
    applicant: { user: 'sim-applicant', unit, roles: ['citizen'] },
  };
  for (const step of def.steps) {
    if (step.id && step.role) actors[`at-${step.id}`] = { user: 'sim-official', unit: step.unit ?? unit, roles: [step.role] };
  }
  return {
    unit,
    channel: 'online',
    actors,
    submittedBy: 'applicant',
    submittedAt,
    data: data as JsonData,
    // The applicant uploads the checklist's required components first, as on the portal, so the desk can accept.
    steps: [...(def.documents ?? []).filter((d) => d.required && d.key).map((d) => ({ attach: d.key ?? '', as: 'applicant' })), ...choices.map((c) => {
      const step = def.steps.find((s) => s.id === c.step);
      // A register-numbered field is filled by the engine; typing it in is refused.
      const numbered = (step as { numbering?: { field?: string | null } | null } | undefined)?.numbering?.field;
      const fields = [...(step?.requiredFields ?? []), ...(step?.fields ?? [])].filter((f) => f !== numbered);
      return c.timer
        ? { fireTimer: c.step, ...(c.at ? { at: c.at } : {}) }
        : {
            complete: c.step,
            outcome: c.outcome ?? null,
            as: `at-${c.step}`,
            ...(c.at ? { at: c.at } : {}),
            data: sampleData(def, fields) as JsonData,
            ...(signs(step, c.outcome) ? { signature: signatures.next(step?.kind === 'issue') } : {}),
          };
    })],
  };
}

export interface StepTiming {
  step: string;
  instance: number;
  startedAt: string;
  dueAt: string | null;
  completedAt: string | null;
  outcome: string | null;
}

/** Per step instance: when it started, the due instant the calendar gave it, and when it finished. */
export function stepTimings(trace: SimulationTrace): StepTiming[] {
  const timings = new Map<number, StepTiming>();
  for (const entry of trace.entries) {
    for (const recorded of entry.events ?? []) {
      const event = recorded.event;
      if (event.type === 'step-started') {
        timings.set(event.stepInstance, { step: String(event.step), instance: event.stepInstance, startedAt: recorded.at, dueAt: event.dueAt ?? null, completedAt: null, outcome: null });
      } else if (event.type === 'step-completed') {
        const timing = timings.get(event.stepInstance);
        if (timing) timings.set(event.stepInstance, { ...timing, completedAt: recorded.at, outcome: event.outcome ?? null });
      }
    }
  }
  return [...timings.values()];
}

/**
 * "No signature, no result": a simulated approval or seal carries stand-in signature evidence (nothing is signed),
 * each seal applied on the revision the last approval produced, as the engine requires.
 */
function syntheticSignatures() {
  let approvals = 0;
  let seals = 0;
  return {
    next(seal: boolean) {
      if (seal) return { appliedOn: `approved-${approvals}`, signedDigest: `sealed-${++seals}` };
      approvals += 1;
      return { appliedOn: `draft-${approvals}`, signedDigest: `approved-${approvals}` };
    },
  };
}

/** Whether completing this step with this outcome needs a signature (the engine's default: "approve" at a signature step, every outcome at an issue step). */
function signs(step: Definition['steps'][number] | undefined, outcome: string | null | undefined): boolean {
  if (!step || !outcome || (step.kind !== 'signature' && step.kind !== 'issue')) return false;
  const signOn = (step as { signOn?: string[] | null }).signOn;
  if (signOn && signOn.length) return signOn.includes(outcome);
  return step.kind === 'issue' || outcome === 'approve';
}
