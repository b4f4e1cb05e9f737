import type { Definition } from './document';
import type { Positions } from './layout';

/** What undo/redo restores: the definition and where its steps are drawn. */
export interface Snapshot {
  def: Definition;
  positions: Positions;
}

export interface EditorState extends Snapshot {
  past: Snapshot[];
  future: Snapshot[];
}

export type EditorAction =
  | { type: 'load'; def: Definition; positions: Positions }
  /** An edit; record=false for intermediate states (a drag in progress) that must not each be an undo step. */
  | { type: 'edit'; def?: Definition; positions?: Positions; record?: boolean }
  | { type: 'checkpoint' }
  | { type: 'undo' }
  | { type: 'redo' };

const maxHistory = 200;

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const current: Snapshot = { def: state.def, positions: state.positions };
  switch (action.type) {
    case 'load':
      return { def: action.def, positions: action.positions, past: [], future: [] };
    case 'checkpoint':
      return { ...state, past: [...state.past, current].slice(-maxHistory), future: [] };
    case 'edit': {
      const next = { def: action.def ?? state.def, positions: action.positions ?? state.positions };
      return action.record === false
        ? { ...state, ...next }
        : { ...next, past: [...state.past, current].slice(-maxHistory), future: [] };
    }
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      return previous ? { ...previous, past: state.past.slice(0, -1), future: [current, ...state.future] } : state;
    }
    case 'redo': {
      const next = state.future[0];
      return next ? { ...next, past: [...state.past, current], future: state.future.slice(1) } : state;
    }
  }
}
