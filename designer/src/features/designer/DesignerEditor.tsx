import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Alert, Badge, Button, Center, Group, Loader, Menu, Modal, ScrollArea, Stack, Tabs, Text, Textarea, Tooltip } from '@mantine/core';
import { api, asProblem, problemCode, type DefinitionVersion, type StepKind, type Unit } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { FlowCanvas, type CanvasSelection } from './canvas/FlowCanvas';
import { editorReducer } from './model/editorState';
import { humanKinds, newStep, stepKinds, newStepId, removeSteps, renameStep, toDocument, updateStep, type Definition } from './model/document';
import { autoLayout, freeSpot, laneLayout, nodeSize, type Positions } from './model/layout';
import { diffDefinitions, unionDefinition, type DefinitionDiff } from './model/diff';
import { exportBpmn } from './model/bpmn';
import { localDrafts, type LocalDraft } from './model/localDraft';
import { useLiveValidation } from './useLiveValidation';
import { download, importFile, loadVersion } from './io';
import { Palette } from './panels/Palette';
import { StepPanel } from './panels/StepPanel';
import { TransitionPanel } from './panels/TransitionPanel';
import { ProcedurePanel } from './panels/ProcedurePanel';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { FormDesigner } from './panels/FormDesigner';
import { VersionsPanel } from './panels/VersionsPanel';
import { SimulationPanel } from './panels/SimulationPanel';

export interface EditorSession {
  def: Definition;
  positions: Positions | null;
  /** The stored version this editing started from; null for a procedure not saved yet. */
  base: DefinitionVersion | null;
  openedAt: number;
  notice?: string | null;
}

interface DiffView { before: number; after: number; def: Definition; diff: DefinitionDiff }
type Message = { color: 'red' | 'green' | 'yellow' | 'blue'; text: string; testId?: string };

const emptySelection: CanvasSelection = { steps: new Set(), transitions: new Set() };
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function DesignerEditor({ session, onClose, onOpen }: { session: EditorSession; onClose: () => void; onOpen: (s: EditorSession) => void }) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(editorReducer, { def: session.def, positions: session.positions ?? {}, past: [], future: [] });
  const { def, positions } = state;
  const [laidOut, setLaidOut] = useState(session.positions !== null);
  const [selection, setSelection] = useState<CanvasSelection>(emptySelection);
  const [units, setUnits] = useState<Unit[]>([]);
  const [directoryRoles, setDirectoryRoles] = useState<string[]>([]);
  const [base, setBase] = useState<DefinitionVersion | null>(session.base);
  const [savedJson, setSavedJson] = useState(() => (session.base && !session.notice ? JSON.stringify(toDocument(session.def)) : ''));
  const [message, setMessage] = useState<Message | null>(session.notice ? { color: 'yellow', text: session.notice } : null);
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const [tab, setTab] = useState<string | null>('properties');
  const [publishing, setPublishing] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [diffView, setDiffView] = useState<DiffView | null>(null);
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const [versionsKey, setVersionsKey] = useState(0);
  const [lanes, setLanes] = useState(false);
  const [fitKey, setFitKey] = useState(0);
  const [focus, setFocus] = useState<{ step: string; key: number } | null>(null);
  const clipboard = useRef<{ def: Definition; positions: Positions } | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const validation = useLiveValidation(def);
  const currentJson = useMemo(() => JSON.stringify(toDocument(def)), [def]);
  const dirty = currentJson !== savedJson;

  useEffect(() => { void api.GET('/api/directory/units').then(({ data }) => setUnits(data ?? [])); }, []);
  useEffect(() => {
    void api.GET('/api/directory/users').then(({ data }) => setDirectoryRoles([...new Set((data ?? []).flatMap((u) => u.roles))].sort()));
  }, []);

  // First layout with elkjs when the source had no positions (every stored version: positions are not in the file).
  useEffect(() => {
    if (laidOut) return;
    void autoLayout(session.def).then((p) => { dispatch({ type: 'load', def: session.def, positions: p }); setLaidOut(true); });
  }, [laidOut, session.def]);

  // A draft left in this browser (lost connection, closed tab) is offered back, never applied silently.
  useEffect(() => {
    const local = localDrafts.read(session.def.id);
    if (local && JSON.stringify(toDocument(local.def)) !== JSON.stringify(toDocument(session.def))) setOffer(local);
  }, [session.def]);

  useEffect(() => {
    if (!dirty || !laidOut) return;
    const timer = setTimeout(() => localDrafts.write(def.id, { def, positions, revision: base?.status === 'draft' ? base.revision : null, savedAt: new Date().toISOString() }), 500);
    return () => clearTimeout(timer);
  }, [def, positions, dirty, laidOut, base]);

  const edit = useCallback((next: Definition, nextPositions?: Positions) => dispatch({ type: 'edit', def: next, positions: nextPositions }), []);

  /** Adds a step: after the selected one (connected), or where a palette item was dropped (not connected). */
  const addStep = (kind: StepKind, dropped?: { x: number; y: number }) => {
    const step = newStep(def, kind, t(`kind.${kind}` as 'kind.task'));
    const id = step.id ?? '';
    if (dropped) {
      edit({ ...def, steps: [...def.steps, step] }, { ...positions, [id]: dropped });
      setSelection({ steps: new Set([id]), transitions: new Set() });
      setTab('properties');
      return;
    }
    const anchor = selection.steps.size === 1 ? [...selection.steps][0] : undefined;
    const anchorStep = anchor ? def.steps.find((s) => s.id === anchor) : undefined;
    const at = anchor && positions[anchor] ? { x: positions[anchor].x + nodeSize.width + 60, y: positions[anchor].y + nodeSize.height + 30 } : freeSpot(positions);
    while (Object.values(positions).some((p) => Math.abs(p.x - at.x) < nodeSize.width && Math.abs(p.y - at.y) < nodeSize.height + 10)) at.y += nodeSize.height + 30;
    const transitions = [...def.transitions];
    // Connect after the selected step; a person's step only by an outcome still free (never an outcome-less branch).
    const freeOutcome = anchorStep?.outcomes?.find((o) => !def.transitions.some((tr) => tr.from === anchor && tr.outcome === o)) ?? null;
    if (anchorStep && anchorStep.kind !== 'end' && (freeOutcome || !humanKinds.has(anchorStep.kind ?? ''))) {
      transitions.push({ from: anchor, to: id, outcome: freeOutcome });
    }
    edit({ ...def, steps: [...def.steps, step], transitions }, { ...positions, [id]: at });
    setSelection({ steps: new Set([id]), transitions: new Set() });
    setTab('properties');
  };

  const deleteSelection = useCallback((steps: readonly string[], transitions: readonly number[]) => {
    if (steps.length === 0 && transitions.length === 0) return;
    const drop = new Set(transitions);
    const next = removeSteps({ ...def, transitions: def.transitions.filter((_, i) => !drop.has(i)) }, new Set(steps));
    const nextPositions = { ...positions };
    for (const s of steps) delete nextPositions[s];
    edit(next, nextPositions);
    setSelection(emptySelection);
  }, [def, positions, edit]);

  const copy = useCallback(() => {
    const ids = selection.steps;
    if (ids.size === 0) return;
    clipboard.current = {
      def: { ...def, steps: def.steps.filter((s) => ids.has(s.id ?? '')), transitions: def.transitions.filter((tr) => ids.has(tr.from ?? '') && ids.has(tr.to ?? '')) },
      positions: Object.fromEntries([...ids].map((id) => [id, positions[id] ?? { x: 0, y: 0 }])),
    };
  }, [def, positions, selection.steps]);

  const paste = useCallback(() => {
    const clip = clipboard.current;
    if (!clip) return;
    let next = def;
    const renamed = new Map<string, string>();
    for (const s of clip.def.steps) {
      const id = newStepId(next, `${s.id}-copy`.replace(/-copy(-copy)+$/, '-copy'));
      renamed.set(s.id ?? '', id);
      next = { ...next, steps: [...next.steps, { ...s, id }] };
    }
    next = { ...next, transitions: [...next.transitions, ...clip.def.transitions.map((tr) => ({ ...tr, from: renamed.get(tr.from ?? ''), to: renamed.get(tr.to ?? '') }))] };
    const nextPositions = { ...positions };
    for (const [from, to] of renamed) { const p = clip.positions[from] ?? { x: 0, y: 0 }; nextPositions[to] = { x: p.x + 40, y: p.y + 40 }; }
    edit(next, nextPositions);
    setSelection({ steps: new Set(renamed.values()), transitions: new Set() });
  }, [def, positions, edit]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || diffView) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) { e.preventDefault(); dispatch({ type: 'undo' }); setSelection(emptySelection); }
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) { e.preventDefault(); dispatch({ type: 'redo' }); setSelection(emptySelection); }
      else if (mod && key === 'c') copy();
      else if (mod && key === 'v') { e.preventDefault(); paste(); }
      else if (mod && key === 's') { e.preventDefault(); void save(); }
      else if (mod && key === 'a') { e.preventDefault(); setSelection({ steps: new Set(def.steps.map((s) => s.id ?? '')), transitions: new Set() }); }
      else if (key === 'l' && e.altKey) { e.preventDefault(); void relayout(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const relayout = async () => { const layered = await autoLayout(def); edit(def, lanes ? laneLayout(def, layered) : layered); setFitKey((k) => k + 1); };
  const toggleLanes = async () => {
    const on = !lanes;
    setLanes(on);
    const layered = await autoLayout(def);
    edit(def, on ? laneLayout(def, layered) : layered);
    setFitKey((k) => k + 1);
  };

  async function save(): Promise<DefinitionVersion | null> {
    setBusy(true);
    try {
      const body = toDocument(def);
      const result = base?.status === 'draft'
        ? await api.PUT('/api/procedures/{procedureId}/draft', { params: { path: { procedureId: def.id }, header: { 'If-Match': `"${base.revision}"` } }, body })
        : await api.POST('/api/procedures', { body });
      if (result.data) {
        setBase(result.data.version);
        setSavedJson(JSON.stringify(body));
        localDrafts.clear(def.id);
        setVersionsKey((k) => k + 1);
        setMessage({ color: 'green', text: t('save.saved', { version: result.data.version.version, revision: result.data.version.revision }), testId: 'saved' });
        return result.data.version;
      }
      const problem = asProblem(result.error);
      setMessage(problemCode(problem) === 'draft-conflict'
        ? { color: 'red', text: t('save.conflict'), testId: 'draft-conflict' }
        : { color: 'red', text: `${t('save.failed')} ${problem.detail ?? ''}` });
      return null;
    } catch {
      setMessage({ color: 'red', text: t('save.offline') });
      return null;
    } finally {
      setBusy(false);
    }
  }

  const publish = async () => {
    const saved = dirty || base?.status !== 'draft' ? await save() : base;
    if (!saved || saved.status !== 'draft') return;
    setBusy(true);
    const { data, error } = await api.POST('/api/procedures/{procedureId}/versions/{version}/publish', {
      params: { path: { procedureId: def.id, version: saved.version } }, body: { changeNote: changeNote || null },
    });
    setBusy(false);
    if (data) {
      setBase(data);
      setPublishing(false);
      setChangeNote('');
      setVersionsKey((k) => k + 1);
      setMessage({ color: 'green', text: t('publish.done', { version: data.version }), testId: 'published' });
    } else {
      setMessage({ color: 'red', text: `${t('publish.failed')} ${asProblem(error).detail ?? ''}` });
    }
  };

  const showDiff = async (before: number, after: number) => {
    const [a, b] = await Promise.all([loadVersion(def.id, before), loadVersion(def.id, after)]);
    if (!a || !b) return;
    const union = unionDefinition(a.def, b.def);
    const diff = diffDefinitions(a.def, b.def);
    const p = await autoLayout(union);
    dispatch({ type: 'edit', positions: { ...p, ...Object.fromEntries(Object.entries(positions).filter(([id]) => b.def.steps.some((s) => s.id === id))) }, record: false });
    setDiffView({ before, after, def: union, diff });
  };

  const openVersion = async (version: number) => {
    const loaded = await loadVersion(def.id, version);
    if (loaded) onOpen({ def: loaded.def, positions: null, base: loaded.version, openedAt: Date.now() });
  };

  const importChosen = async (file: File | undefined) => {
    if (!file) return;
    const result = await importFile(file);
    if (!result.ok) return setMessage({ color: 'red', text: t(`import.${result.reason}`) });
    if (result.def.id !== def.id) return setMessage({ color: 'red', text: t('import.otherProcedure', { id: result.def.id }) });
    edit(result.def, result.positions ?? await autoLayout(result.def));
    setFitKey((k) => k + 1);
    setMessage(result.skipped.length ? { color: 'yellow', text: t('import.skipped', { items: result.skipped.join(', ') }) } : { color: 'green', text: t('import.done') });
  };

  const selectedStep = selection.steps.size === 1 ? def.steps.find((s) => selection.steps.has(s.id ?? '')) : undefined;
  const selectedTransition = selection.steps.size === 0 && selection.transitions.size === 1 ? [...selection.transitions][0] : undefined;
  const canvasDef = diffView?.def ?? def;
  const publishBlocked = validation.errors > 0 || validation.pending;

  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
      <Group px="sm" py={6} justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid #dee2e6' }}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Button size="compact-sm" variant="subtle" onClick={onClose} data-testid="back">← {t('editor.back')}</Button>
          <Text fw={700} truncate data-testid="procedure-name">{def.name || def.id}</Text>
          {base ? <Badge color={base.status === 'published' ? 'green' : 'yellow'} data-testid="base-version">v{base.version} · {t(`versionStatus.${base.status}` as 'versionStatus.draft')}</Badge> : <Badge color="gray">{t('editor.new')}</Badge>}
          {dirty && <Badge color="orange" variant="light" data-testid="unsaved">{t('editor.unsaved')}</Badge>}
          <Badge color={validation.errors > 0 ? 'red' : validation.pending ? 'gray' : 'green'} variant="light" data-testid="validation-status" data-errors={validation.errors} data-pending={validation.pending}>
            {validation.pending ? t('editor.checking') : validation.offline ? t('common.offline') : validation.errors > 0 ? t('editor.errors', { count: validation.errors }) : t('editor.valid')}
          </Badge>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Ctrl+Z"><Button size="compact-sm" variant="default" disabled={state.past.length === 0 || !!diffView} onClick={() => dispatch({ type: 'undo' })} data-testid="undo">{t('editor.undo')}</Button></Tooltip>
          <Tooltip label="Ctrl+Y"><Button size="compact-sm" variant="default" disabled={state.future.length === 0 || !!diffView} onClick={() => dispatch({ type: 'redo' })} data-testid="redo">{t('editor.redo')}</Button></Tooltip>
          <Tooltip label="Alt+L"><Button size="compact-sm" variant="default" onClick={() => void relayout()} disabled={!!diffView} data-testid="auto-layout">{t('editor.layout')}</Button></Tooltip>
          <Tooltip label={t('editor.lanesHelp')}><Button size="compact-sm" variant={lanes ? 'filled' : 'default'} onClick={() => void toggleLanes()} disabled={!!diffView} aria-pressed={lanes} data-testid="lanes">{t('editor.lanes')}</Button></Tooltip>
          <Menu position="bottom-end">
            <Menu.Target><Button size="compact-sm" variant="default" data-testid="file-menu">{t('editor.file')}</Button></Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => download(`${def.id}.json`, `${JSON.stringify(toDocument(def), null, 2)}\n`, 'application/json')} data-testid="export-json">{t('editor.exportJson')}</Menu.Item>
              <Menu.Item onClick={() => download(`${def.id}.bpmn`, exportBpmn(def, positions), 'application/xml')} data-testid="export-bpmn">{t('editor.exportBpmn')}</Menu.Item>
              <Menu.Item onClick={() => importInput.current?.click()}>{t('editor.import')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <input ref={importInput} type="file" accept=".json,.bpmn,.xml" hidden data-testid="import-input" onChange={(e) => { void importChosen(e.target.files?.[0]); e.target.value = ''; }} />
          <Tooltip label="Ctrl+S"><Button size="compact-sm" variant="light" onClick={() => void save()} loading={busy} disabled={!!diffView} data-testid="save-draft">{t('editor.save')}</Button></Tooltip>
          <Tooltip label={publishBlocked ? t('publish.blocked') : t('publish.title')}>
            <Button size="compact-sm" color="green" disabled={publishBlocked || !!diffView} onClick={() => setPublishing(true)} data-testid="publish">{t('publish.title')}</Button>
          </Tooltip>
        </Group>
      </Group>
      {/* Offered once the first layout is in: restoring earlier would be overwritten when the layout arrives. */}
      {offer && laidOut && (
        <Alert color="blue" py={6} data-testid="local-draft-offer" title={t('local.title', { when: new Date(offer.savedAt).toLocaleString() })}>
          <Group gap="xs">
            <Button size="compact-xs" onClick={() => { edit(offer.def, offer.positions); setOffer(null); }} data-testid="restore-local">{t('local.restore')}</Button>
            <Button size="compact-xs" variant="default" onClick={() => { localDrafts.clear(def.id); setOffer(null); }}>{t('local.discard')}</Button>
          </Group>
        </Alert>
      )}
      {message && <Alert color={message.color} py={6} withCloseButton onClose={() => setMessage(null)} data-testid={message.testId ?? 'message'}>{message.text}</Alert>}
      {diffView && (
        <Alert color="orange" py={6} data-testid="diff-banner" title={t('diff.title', { before: diffView.before, after: diffView.after })}
          withCloseButton onClose={() => { setDiffView(null); void relayout(); }}>
          <Group gap="xs">
            <Badge color="green">{t('diff.added')}: {Object.values(diffView.diff.steps).filter((c) => c === 'added').length}</Badge>
            <Badge color="red">{t('diff.removed')}: {Object.values(diffView.diff.steps).filter((c) => c === 'removed').length}</Badge>
            <Badge color="orange">{t('diff.changed')}: {Object.values(diffView.diff.steps).filter((c) => c === 'changed').length}</Badge>
            {Object.entries(diffView.diff.changedProperties).map(([id, props]) => <Text key={id} size="xs">{id}: {props.join(', ')}</Text>)}
            {diffView.diff.formChanged && <Text size="xs">{t('diff.form')}</Text>}
          </Group>
        </Alert>
      )}
      <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Palette onAdd={addStep} disabled={!!diffView} />
        <div style={{ flex: 1, minWidth: 0, position: 'relative' }} data-testid="canvas">
          {/* Steps are drawn once laid out: drawn earlier they jumped when the layout arrived, and a view set meanwhile was lost. */}
          {!laidOut ? <Center h="100%"><Loader data-testid="laying-out" /></Center> : (
          <ReactFlowProvider>
            <FlowCanvas
              def={canvasDef}
              positions={positions}
              selection={selection}
              problems={diffView ? [] : validation.problems}
              diff={diffView?.diff ?? null}
              waiting={waiting}
              readOnly={!!diffView}
              onSelection={setSelection}
              onDragStart={() => dispatch({ type: 'checkpoint' })}
              onMove={(id, x, y) => dispatch({ type: 'edit', positions: { ...positions, [id]: { x, y } }, record: false })}
              onConnect={(from, to) => {
                const source = def.steps.find((s) => s.id === from);
                const outcome = source?.outcomes?.find((o) => !def.transitions.some((tr) => tr.from === from && tr.outcome === o)) ?? source?.outcomes?.[0] ?? null;
                edit({ ...def, transitions: [...def.transitions, { from, to, outcome }] });
              }}
              onReconnect={(i, from, to) => edit({ ...def, transitions: def.transitions.map((tr, j) => (j === i ? { ...tr, from, to } : tr)) })}
              onDelete={deleteSelection}
              lanes={lanes && !diffView}
              fitKey={fitKey}
              focus={focus}
              onDropKind={(kind, x, y) => { if ((stepKinds as readonly string[]).includes(kind)) addStep(kind as StepKind, { x, y }); }}
            />
          </ReactFlowProvider>
          )}
        </div>
        <ScrollArea w={380} style={{ borderLeft: '1px solid #dee2e6' }} type="auto">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="properties" data-testid="tab-properties">{t('tab.properties')}</Tabs.Tab>
              <Tabs.Tab value="form" data-testid="tab-form">{t('tab.form')}</Tabs.Tab>
              <Tabs.Tab value="problems" data-testid="tab-problems" rightSection={validation.problems.length ? <Badge size="xs" color={validation.errors ? 'red' : 'yellow'}>{validation.problems.length}</Badge> : null}>{t('tab.problems')}</Tabs.Tab>
              <Tabs.Tab value="versions" data-testid="tab-versions">{t('tab.versions')}</Tabs.Tab>
              <Tabs.Tab value="simulate" data-testid="tab-simulate">{t('tab.simulate')}</Tabs.Tab>
            </Tabs.List>
            <div style={{ padding: 10 }}>
              <Tabs.Panel value="properties">
                {selectedStep ? (
                  <StepPanel
                    key={selectedStep.id}
                    def={def}
                    step={selectedStep}
                    units={units}
                    onChange={(patch) => edit(updateStep(def, selectedStep.id ?? '', patch))}
                    onRename={(to) => {
                      const from = selectedStep.id ?? '';
                      const nextPositions = { ...positions, [to]: positions[from] ?? { x: 0, y: 0 } };
                      delete nextPositions[from];
                      edit(renameStep(def, from, to), nextPositions);
                      setSelection({ steps: new Set([to]), transitions: new Set() });
                    }}
                    onTransitions={(transitions) => edit({ ...def, transitions })}
                  />
                ) : selectedTransition !== undefined ? (
                  <TransitionPanel def={def} index={selectedTransition} onChange={(patch) => edit({ ...def, transitions: def.transitions.map((tr, i) => (i === selectedTransition ? { ...tr, ...patch } : tr)) })} />
                ) : selection.steps.size > 1 ? (
                  <Stack gap="xs">
                    <Text size="sm">{t('editor.multi', { count: selection.steps.size })}</Text>
                    <Button size="compact-sm" color="red" variant="light" onClick={() => deleteSelection([...selection.steps], [...selection.transitions])}>{t('common.remove')}</Button>
                  </Stack>
                ) : (
                  <ProcedurePanel def={def} directoryRoles={directoryRoles} onChange={(next) => edit(next)} />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="form"><FormDesigner def={def} onChange={(next) => edit(next)} /></Tabs.Panel>
              <Tabs.Panel value="problems">
                <ProblemsPanel problems={validation.problems} onPick={(step) => { setSelection({ steps: new Set([step]), transitions: new Set() }); setFocus((f) => ({ step, key: (f?.key ?? 0) + 1 })); }} />
              </Tabs.Panel>
              <Tabs.Panel value="versions">
                {base ? <VersionsPanel procedureId={def.id} refreshKey={versionsKey} onDiff={(a, b) => void showDiff(a, b)} onOpen={(v) => void openVersion(v)} /> : <Text size="sm" c="dimmed">{t('versions.none')}</Text>}
              </Tabs.Panel>
              <Tabs.Panel value="simulate">
                <SimulationPanel def={def} units={units} errors={validation.errors} onWaiting={setWaiting} />
              </Tabs.Panel>
            </div>
          </Tabs>
        </ScrollArea>
      </Group>
      <Modal opened={publishing} onClose={() => setPublishing(false)} title={t('publish.title')}>
        <Stack>
          <Text size="sm">{t('publish.explain')}</Text>
          <Textarea label={t('publish.note')} value={changeNote} onChange={(e) => setChangeNote(e.currentTarget.value)} autosize minRows={2} data-testid="change-note" />
          <Button color="green" onClick={() => void publish()} loading={busy} disabled={publishBlocked} data-testid="confirm-publish">{t('publish.confirm')}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
