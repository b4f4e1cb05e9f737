import { Suspense, lazy, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { ProcedureList } from './ProcedureList';
import type { EditorSession } from './DesignerEditor';

// The editor (canvas, panels, React Flow) loads when a procedure is opened, so the first screen (the list) stays small.
const DesignerEditor = lazy(() => import('./DesignerEditor').then((m) => ({ default: m.DesignerEditor })));

/** The analyst's workspace: the procedure list, or one procedure open on the canvas. */
export function DesignerWorkspace() {
  const [session, setSession] = useState<EditorSession | null>(null);
  return session
    ? (
      <Suspense fallback={<Center style={{ flex: 1 }}><Loader /></Center>}>
        <DesignerEditor key={`${session.def.id}@${session.base?.version ?? 'new'}@${session.openedAt}`} session={session} onClose={() => setSession(null)} onOpen={setSession} />
      </Suspense>
    )
    : <ProcedureList onOpen={setSession} />;
}
