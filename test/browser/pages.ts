/** The pages the browser tests load, served on 127.0.0.1. */

export const TEXTAREA_TEXT = `Dana is lazy about code reviews. You need to be more proactive going forward.
We will utilize the new template ASAP.

Thanks for the release notes.`;

export const REACT_TEXT = `Priya shipped the billing export. We will utilize her checklist in every release going forward.
Great job!`;

export const FRAME_TEXT = `Sam can be difficult in planning meetings. Let's circle back on the roadmap.`;

/** The rich-text fixture and the text Fulcrum should read from it (Markdown markers for the heading and the list). */
export const EDITABLE_HTML = `<h2>1:1 with Sam</h2><p>Sam can be difficult in planning meetings. We will utilize the new board.</p><p>Next steps:</p><ul><li>Improve the test coverage</li></ul>`;
export const EDITABLE_TEXT = `## 1:1 with Sam

Sam can be difficult in planning meetings. We will utilize the new board.

Next steps:

- Improve the test coverage`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const style = `body { font: 16px/1.5 "DejaVu Sans", sans-serif; margin: 24px; color: #1f2328; background: #fff; }
label { display: block; font-weight: 600; margin: 0 0 6px; }
textarea, [contenteditable] { font: 15px/1.6 "DejaVu Sans", sans-serif; padding: 10px 12px; border: 1px solid #8c959f; border-radius: 6px; width: 640px; box-sizing: border-box; }
[contenteditable] { min-height: 180px; outline: none; } [contenteditable] h2 { font-size: 18px; margin: 0 0 8px; } [contenteditable] p { margin: 0 0 8px; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 8px; width: 640px; box-sizing: border-box; }
input { font: 15px "DejaVu Sans", sans-serif; padding: 6px; width: 420px; display: block; margin-bottom: 12px; }
iframe { width: 700px; height: 260px; border: 1px dashed #8c959f; }`;

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${style}</style>${extraHead}</head><body><h1 style="font-size:20px">${title}</h1>${body}</body></html>`;
}

export function fixturePages(reactBundle: string): Record<string, { type: string; body: string }> {
  const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
  const prose = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1} of a page with no text field: a team update someone is reading.</p>`).join('');
  return {
    '/textarea.html': html(page('Performance review', `<label for="feedback">Feedback</label><textarea id="feedback" rows="8">${escape(TEXTAREA_TEXT)}</textarea><p>Nothing else on this page.</p>`)),
    '/editable.html': html(page('1:1 notes', `<label id="notes-label">Notes</label><div id="notes" contenteditable="true" aria-label="1:1 notes">${EDITABLE_HTML}</div>`)),
    '/react.html': html(page('React review form', `<template id="initial">${escape(REACT_TEXT)}</template><div id="app"></div><script src="/react-app.js"></script>`)),
    '/react-app.js': { type: 'text/javascript; charset=utf-8', body: reactBundle },
    '/iframe.html': html(page('A form inside an iframe', `<p>The review form below is embedded.</p><iframe id="frame" src="/frame-inner.html" title="Embedded form"></iframe>`)),
    '/frame-inner.html': html(`<!doctype html><html><head><meta charset="utf-8"><style>${style} body { margin: 12px; }</style></head><body><label for="inner">Feedback (in a frame)</label><textarea id="inner" rows="6">${escape(FRAME_TEXT)}</textarea></body></html>`),
    '/password.html': html(page('Sign in', `<label for="user">Name</label><input id="user" type="text"><label for="search">Search</label><input id="search" type="search"><label for="pw">Password</label><input id="pw" type="password">`)),
    '/empty.html': html(page('No text field here', prose)),
    '/long.html': html(page('A long field', `<label for="long">Long review</label><textarea id="long" rows="14"></textarea>`)),
  };
}
