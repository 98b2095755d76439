import { h, render } from 'preact';
import type { MountPanel } from '../context';
import { createDraftStore, pageStorage } from './draft';
import { EditorPanel } from './EditorPanel';
import { createEditorModel } from './model';
import { downloadText, saveToDevServer } from './save';
import './style.css';

/** The rules editor panel: edit, check, apply, save and test the scenario's rules file live. */
export const mount: MountPanel = (host, ctx) => {
  const model = createEditorModel(ctx, {
    store: createDraftStore(pageStorage(), ctx.scenario),
    download: downloadText,
    saveDev: saveToDevServer,
    sessionStart: performance.timeOrigin,
  });
  render(h(EditorPanel, { ctx, model }), host);
  return () => render(null, host);
};
