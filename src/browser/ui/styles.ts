/**
 * The overlay's styles. They live in the overlay's shadow root, so the page's CSS cannot
 * reach in and ours cannot leak out. Applied as a constructed style sheet: a page's
 * Content-Security-Policy may forbid <style> elements, but not style sheets built in script.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; overflow: hidden; pointer-events: none; }
.content { position: absolute; left: 0; top: 0; will-change: transform; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; }
.mark svg { position: absolute; left: 0; bottom: -3px; overflow: visible; }
.mark path { fill: none; stroke-width: 1.4; stroke-linecap: round; }
.mark.error path { stroke: #e5484d; }
.mark.warning path { stroke: #e8890c; }
.mark.info path { stroke: #3b82f6; }
.mark.active.error { background: rgba(229, 72, 77, .14); }
.mark.active.warning { background: rgba(232, 137, 12, .16); }
.mark.active.info { background: rgba(59, 130, 246, .14); }
.notice { position: absolute; right: 6px; bottom: 6px; max-width: calc(100% - 12px); box-sizing: border-box; pointer-events: none;
  font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff8c5;
  border: 1px solid #d4a72c; border-radius: 6px; padding: 3px 8px; }
/* z-index: above every field's underlines, none shows through the card; max-height: whole in a short frame. */
.card { position: fixed; z-index: 1; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px); overflow: auto; pointer-events: auto;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff;
  border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgba(140, 149, 159, .3); padding: 10px 12px 12px; }
.card[hidden] { display: none; }
.card .rule { display: flex; align-items: center; gap: 6px; font-size: 11px; color: #59636e; margin-bottom: 4px; }
.card .dot { width: 8px; height: 8px; border-radius: 50%; flex: none; }
.card .dot.error { background: #e5484d; } .card .dot.warning { background: #e8890c; } .card .dot.info { background: #3b82f6; }
.card .message { margin: 0 0 8px; }
.card .why { margin: 0 0 10px; padding-left: 8px; border-left: 3px solid #d0d7de; color: #59636e; font-size: 12px; }
.card .why b { font-weight: 600; color: #1f2328; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; }
.card button { font: inherit; font-size: 12px; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid #d0d7de; background: #f6f8fa; color: #1f2328; }
.card button.fix { background: #4f46e5; border-color: #4f46e5; color: #fff; font-weight: 600; }
.card button.fix:hover { background: #4338ca; }
.card .refusal { margin: 0 0 4px; }
.card .suggestion { margin: 0 0 10px; font-weight: 600; }
.card button.copy, .notice button { background: #4f46e5; border-color: #4f46e5; color: #fff; font-weight: 600; }
.notice button { pointer-events: auto; font: inherit; cursor: pointer; border-radius: 6px; padding: 1px 8px; margin-left: 6px; border: 1px solid #4f46e5; }
.card button:focus-visible { outline: 2px solid #818cf8; outline-offset: 1px; }
.card .brand { float: right; font-weight: 700; color: #4f46e5; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .notice { color: #e6edf3; background: #3b2e0a; border-color: #9e6a03; }
  .card { color: #e6edf3; background: #161b22; border-color: #30363d; box-shadow: 0 8px 24px rgba(1, 4, 9, .6); }
  .card .rule, .card .why { color: #9198a1; } .card .why b { color: #e6edf3; } .card .why { border-color: #30363d; }
  .card button { background: #21262d; border-color: #30363d; color: #e6edf3; }
}
`;
