import { Suspense, lazy, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { ProcedureList } from './ProcedureList';
import type { EditorSession } from './DesignerEditor';
import { loadEditor } from './preload';

// The editor (canvas, panels, React Flow) is not part of the first screen (the list): it loads when the list is idle or
// when a procedure is opened, whichever comes first.
const DesignerEditor = lazy(() => loadEditor().then((m) => ({ default: m.DesignerEditor })));

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
