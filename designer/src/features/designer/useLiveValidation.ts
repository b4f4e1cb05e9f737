import { useEffect, useState } from 'react';
import { api, type ValidationProblem } from '../../api/client';
import { toDocument, type Definition } from './model/document';

export interface LiveValidation {
  problems: ValidationProblem[];
  errors: number;
  /** True while an edit has not been checked yet (publishing waits for the answer). */
  pending: boolean;
  offline: boolean;
}

/** Runs the server validator a moment after each edit; stale answers are dropped. */
export function useLiveValidation(def: Definition, delayMs = 400): LiveValidation {
  const [state, setState] = useState<LiveValidation>({ problems: [], errors: 0, pending: true, offline: false });
  useEffect(() => {
    setState((s) => ({ ...s, pending: true }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.POST('/api/procedures/validate', { body: toDocument(def), signal: controller.signal })
        .then(({ data }) => {
          if (!data) return setState((s) => ({ ...s, pending: false, offline: false }));
          setState({ problems: data.problems, errors: data.problems.filter((p) => p.severity === 'error').length, pending: false, offline: false });
        })
        .catch(() => { if (!controller.signal.aborted) setState((s) => ({ ...s, pending: false, offline: true })); });
    }, delayMs);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [def, delayMs]);
  return state;
}
