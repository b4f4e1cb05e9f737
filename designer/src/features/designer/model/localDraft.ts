import type { Definition } from './document';
import type { Positions } from './layout';

/** An unsaved draft kept in this browser so a lost connection or a reload loses no work. */
export interface LocalDraft {
  def: Definition;
  positions: Positions;
  /** The server revision the edits started from (null for a procedure not yet saved). */
  revision: number | null;
  savedAt: string;
}

const key = (procedureId: string) => `workflows.draft.${procedureId}`;

export const localDrafts = {
  read(procedureId: string): LocalDraft | null {
    const text = localStorage.getItem(key(procedureId));
    if (!text) return null;
    try {
      return JSON.parse(text) as LocalDraft;
    } catch {
      localStorage.removeItem(key(procedureId));
      return null;
    }
  },
  write(procedureId: string, draft: LocalDraft): void {
    try {
      localStorage.setItem(key(procedureId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the draft is still on screen; saving to the server remains possible.
    }
  },
  clear(procedureId: string): void {
    localStorage.removeItem(key(procedureId));
  },
};
