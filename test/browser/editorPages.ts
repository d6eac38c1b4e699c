/**
 * One page per rich-text editor, each built from the editor's npm package the way a web
 * HR tool ships it: the test bundles test/browser/fixtures/editors/<name>.ts with esbuild
 * and serves it on 127.0.0.1. Every page puts its editor in a scrolling panel (as a side
 * panel would), and exposes window.editorModelText(): the text in the editor's own model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from '../helpers.js';

export interface EditorSpec {
  /** The fixture's file name and the page's path: /editors/<name>.html. */
  name: string;
  title: string;
  /** The element whose text the editor edits (its contenteditable root), inside `frame` when given. */
  root: string;
  /** An editor that edits inside an iframe of its own (TinyMCE): that iframe. */
  frame?: string;
  /** Style sheets the package ships, from node_modules. */
  css?: string[];
}

export const EDITORS: EditorSpec[] = [
  { name: 'plain', title: 'Plain contenteditable', root: '#editor' },
  { name: 'quill', title: 'Quill 2', root: '.ql-editor', css: ['quill/dist/quill.core.css'] },
  { name: 'tiptap', title: 'Tiptap 3 (ProseMirror)', root: '.ProseMirror' },
  { name: 'lexical', title: 'Lexical', root: '#editor' },
  { name: 'draft', title: 'Draft.js', root: '.public-DraftEditor-content' },
  { name: 'ckeditor', title: 'CKEditor 5', root: '.ck-editor__editable', css: ['ckeditor5/dist/ckeditor5.css'] },
  { name: 'slate', title: 'Slate', root: '[data-slate-editor]' },
  { name: 'tinymce', title: 'TinyMCE', root: 'body', frame: 'iframe.tox-edit-area__iframe' },
  { name: 'blankFrame', title: 'Contenteditable in an about:blank iframe', root: 'body', frame: 'iframe#frame' },
];

/** Not a real editor: one whose paste handling mangles the text, for the fallback. */
export const REFUSING_EDITOR: EditorSpec = { name: 'refusing', title: 'An editor that mangles pasted text', root: '#editor' };

const style = `body { font: 16px/1.5 "DejaVu Sans", sans-serif; margin: 24px; color: #1f2328; background: #fff; }
#panel { width: 700px; height: 380px; overflow: auto; border: 1px solid #8c959f; border-radius: 6px; padding: 12px; box-sizing: border-box; }
#editor { font: 15px/1.6 "DejaVu Sans", sans-serif; min-height: 180px; border: 1px solid #d0d7de; padding: 8px 10px; outline: none; }
#editor p { margin: 0 0 8px; }
.filler { color: #59636e; height: 600px; }`;

export async function editorPages(): Promise<Record<string, { type: string; body: string }>> {
  const pages: Record<string, { type: string; body: string }> = {};
  for (const editor of [...EDITORS, REFUSING_EDITOR]) {
    const bundle = await esbuild.build({
      entryPoints: [join(ROOT, 'test', 'browser', 'fixtures', 'editors', `${editor.name}.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      logLevel: 'error',
    });
    const links = (editor.css ?? []).map((file) => `<link rel="stylesheet" href="/editors/${file.replace(/\//g, '_')}">`).join('');
    for (const file of editor.css ?? []) pages[`/editors/${file.replace(/\//g, '_')}`] = { type: 'text/css; charset=utf-8', body: readFileSync(join(ROOT, 'node_modules', file), 'utf8') };
    pages[`/editors/${editor.name}.js`] = { type: 'text/javascript; charset=utf-8', body: bundle.outputFiles[0].text };
    pages[`/editors/${editor.name}.html`] = {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${editor.title}</title>${links}<style>${style}</style></head><body><h1 style="font-size:20px">${editor.title}</h1><div id="panel"><label style="font-weight:600">Review</label><div id="editor"></div><p class="filler">The rest of the side panel: goals, ratings and past reviews.</p></div><script src="/editors/${editor.name}.js"></script></body></html>`,
    };
  }
  return pages;
}
