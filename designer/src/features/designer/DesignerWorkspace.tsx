import { useState } from 'react';
import { ProcedureList } from './ProcedureList';
import { DesignerEditor, type EditorSession } from './DesignerEditor';

/** The analyst's workspace: the procedure list, or one procedure open on the canvas. */
export function DesignerWorkspace() {
  const [session, setSession] = useState<EditorSession | null>(null);
  return session
    ? <DesignerEditor key={`${session.def.id}@${session.base?.version ?? 'new'}@${session.openedAt}`} session={session} onClose={() => setSession(null)} onOpen={setSession} />
    : <ProcedureList onOpen={setSession} />;
}
