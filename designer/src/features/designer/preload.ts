import { warmLayoutEngine } from './model/layout';

/** The editor's chunk (canvas, panels, React Flow): loaded when a procedure is opened, or earlier while idle. */
export const loadEditor = () => import('./DesignerEditor');

let preloaded = false;
const editorReadyMark = 'workflows:editor-ready';

/**
 * Once the first screen is painted, fetches the editor's code and starts the layout worker when the browser has
 * nothing else to do, so opening a procedure does not wait for either; the first screen never waits for them.
 */
export function preloadEditorWhenIdle(): void {
  if (preloaded) return;
  preloaded = true;
  const whenIdle = (work: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work, 500);
  whenIdle(() => {
    const editor = loadEditor();
    whenIdle(() => {
      // A mark the browser tests wait for before they time opening a procedure.
      void Promise.all([editor, warmLayoutEngine()]).then(() => performance.mark(editorReadyMark), () => { preloaded = false; });
    });
  });
}
