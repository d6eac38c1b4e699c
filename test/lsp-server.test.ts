import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { builtinRules, docsUrlFor, lint } from '../src/core/index.js';
import { ROOT } from './helpers.js';
import { previewCut } from '../src/lsp/preview.js';
import { StdioClient } from './lsp/client.js';

const WEAK_REVIEW = readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8');

/** A client that says it can do everything the server makes use of. */
const FULL_CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
  textDocument: { hover: { contentFormat: ['markdown' as const, 'plaintext' as const] }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } },
};

type SnippetEdit = { range: TextEdit['range']; snippet: { kind: 'snippet'; value: string } };

/** The edits a workspace edit makes to one document, whichever of its two shapes it uses. */
function editsOf(edit: WorkspaceEdit, uri: string): Array<TextEdit | SnippetEdit> {
  if (edit.changes) return edit.changes[uri] ?? [];
  return (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as Array<TextEdit | SnippetEdit>) : []));
}

/** Applies an action's plain text edits as the editor would, returning the edits as LSP content changes too. */
function apply(document: TextDocument, edit: WorkspaceEdit): { text: string; changes: Array<{ range: TextEdit['range']; text: string }> } {
  const edits = editsOf(edit, document.uri).map((e) => ('newText' in e ? e : { range: e.range, newText: e.snippet.value }));
  const text = TextDocument.applyEdits(document, edits);
  // As incremental changes, last first, so each range still means the text it was made for.
  const changes = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start)).map((e) => ({ range: e.range, text: e.newText }));
  return { text, changes };
}

function offsetsOf(document: TextDocument, diagnostic: Diagnostic): [number, number] {
  return [document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)];
}

describe('Language server over stdio (fulcrum lsp --stdio)', function () {
  this.timeout(60_000);
  let folder: string;
  let client: StdioClient;
  let settings: Record<string, unknown> = {};
  const uri = () => pathToFileURL(join(folder, 'review.md')).href;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fulcrum-lsp-'));
    writeFileSync(join(folder, 'review.md'), WEAK_REVIEW);
    client = new StdioClient({ capabilities: FULL_CAPABILITIES, folders: [folder], settings: () => settings });
  });

  after(async () => {
    if (client) assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown and exit');
    rmSync(folder, { recursive: true, force: true });
  });

  it('initializes: incremental sync, code actions with source.fixAll.fulcrum, hover', async () => {
    const { capabilities, serverInfo } = await client.initialize();
    assert.equal(serverInfo?.name, 'fulcrum');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.fulcrum'], resolveProvider: false });
    assert.equal(capabilities.hoverProvider, true);
    await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 10_000, 'the config file watcher');
    assert.deepEqual(client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions, { watchers: [{ globPattern: '**/.fulcrumrc.json' }] });
  });

  it('publishes the engine’s findings for a weak review as diagnostics', async () => {
    await client.open(uri(), WEAK_REVIEW);
    const diagnostics = await client.waitForDiagnostics(uri(), 1);
    const document = TextDocument.create(uri(), 'markdown', 1, WEAK_REVIEW);
    const expected = lint(WEAK_REVIEW, { format: 'markdown' }).findings;
    assert.ok(expected.length > 20, 'the weak review has many findings');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, ...offsetsOf(document, d)]),
      expected.map((f) => [f.ruleId, f.range.start.offset, f.range.end.offset]),
    );
    for (const [i, d] of diagnostics.entries()) {
      const finding = expected[i];
      assert.equal(d.source, 'Fulcrum');
      assert.equal(d.message, finding.message);
      assert.equal(d.severity, { error: 1, warning: 2, info: 3 }[finding.severity]);
      assert.deepEqual(d.codeDescription, { href: docsUrlFor(finding.ruleId) });
      const rule = builtinRules.find((r) => r.id === finding.ruleId)!;
      assert.deepEqual(
        d.relatedInformation?.map((r) => r.message),
        rule.sources.seeds.map((s) => `Seed ${s.seed.slice(0, 3)}: “${s.quote}”`),
      );
      assert.ok(d.relatedInformation?.every((r) => r.location.uri === uri()));
    }
    // A document-level gap sits where its fix goes: a missing check-in on the last line, whose end the fix appends to.
    const checkIn = diagnostics.find((d) => d.code === 'follow-up/no-check-in')!;
    assert.deepEqual(offsetsOf(document, checkIn), [WEAK_REVIEW.indexOf("Let's touch base"), expected.find((f) => f.ruleId === 'follow-up/no-check-in')!.fixes[0].edits[0].start]);
  });

  it('publishes a long document’s top first, then the same diagnostics as one lint of the whole text', async () => {
    // Ten numbered copies of the weak review (about 22 KB): long enough for a preview.
    const text = Array.from({ length: 10 }, (_, copy) => WEAK_REVIEW.replace(/\n\n/g, ` (${copy})\n\n`)).join('\n');
    const cut = previewCut(text);
    assert.ok(cut !== null && cut < text.length / 2, 'the text has a top to preview');
    const long = pathToFileURL(join(folder, 'long.md')).href;
    const document = TextDocument.create(long, 'markdown', 1, text);
    await client.open(long, text);
    // fulcrum/score answers once the whole text is linted, after its publish.
    await client.connection.sendRequest('fulcrum/score', { textDocument: { uri: long } });
    const [preview, complete, ...more] = client.published(long).filter((p) => p.version === 1);
    assert.equal(more.length, 0, 'two publishes');
    assert.ok(preview && complete, 'a preview, then the complete diagnostics');
    const expected = lint(text, { format: 'markdown' }).findings;
    assert.deepEqual(
      complete.diagnostics.map((d) => [d.code, d.message, ...offsetsOf(document, d)]),
      expected.map((f) => [f.ruleId, f.message, f.range.start.offset, f.range.end.offset]),
    );
    assert.ok(preview.diagnostics.length > 0 && preview.diagnostics.length < complete.diagnostics.length);
    assert.ok(preview.diagnostics.every((d) => offsetsOf(document, d)[1] < cut), 'the preview holds findings of the top only');
    const final = new Set(complete.diagnostics.map((d) => JSON.stringify(d)));
    assert.ok(preview.diagnostics.every((d) => final.has(JSON.stringify(d))), 'each finding of the top stays as it was');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: long } });
  });

  it('previews a long document once: typing before its first lint ends gets the full lint only', async () => {
    const text = Array.from({ length: 10 }, (_, copy) => WEAK_REVIEW.replace(/\n\n/g, ` [${copy}]\n\n`)).join('\n');
    const long = pathToFileURL(join(folder, 'typed.md')).href;
    await client.open(long, text);
    await client.waitForDiagnostics(long, 1);
    // A word typed as soon as the top shows: the full lint of version 1 is still running, and its result will be dropped.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: long, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft ' }] });
    await client.connection.sendRequest('fulcrum/score', { textDocument: { uri: long } });
    const publishes = client.published(long).filter((p) => p.version === 2);
    assert.equal(publishes.length, 1, 'one publish for version 2: a second preview would also have made the engine parse everything below the top again');
    assert.equal(publishes[0].diagnostics.length, lint(`Draft ${text}`, { format: 'markdown' }).findings.length);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: long } });
  });

  it('offers the rule’s fix as a snippet, fix all, disable for line and document; applying one clears its finding', async () => {
    const document = TextDocument.create(uri(), 'markdown', 1, WEAK_REVIEW);
    const diagnostics = await client.waitForDiagnostics(uri(), 1);
    const praise = diagnostics.find((d) => d.code === 'feedback/vague-praise')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range: praise.range, context: { diagnostics: [praise] } })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Say what they did and its impact', 'Disable feedback/vague-praise for this line', 'Disable feedback/vague-praise for this document'],
    );
    const [fix, disableLine, disableDocument] = actions;
    assert.equal(fix.isPreferred, true);
    const at = document.positionAt(lint(WEAK_REVIEW).findings.find((f) => f.ruleId === 'feedback/vague-praise')!.fixes[0].edits[0].start);
    assert.deepEqual(editsOf(fix.edit!, uri()), [{ range: { start: at, end: at }, snippet: { kind: 'snippet', value: ': ${1:what exactly they did} — ${2:the difference it made}' } }]);
    assert.deepEqual(fix.edit!.documentChanges?.map((c) => 'textDocument' in c && c.textDocument), [{ uri: uri(), version: 1 }], 'edits name the version they were made for');
    assert.deepEqual(editsOf(disableLine.edit!, uri()), [{ range: { start: { line: praise.range.start.line, character: 0 }, end: { line: praise.range.start.line, character: 0 } }, newText: '<!-- fulcrum-disable-next-line feedback/vague-praise -->\n' }]);
    const afterFrontMatter = document.positionAt(WEAK_REVIEW.indexOf('---\n', 3) + 4);
    assert.deepEqual(editsOf(disableDocument.edit!, uri()), [{ range: { start: afterFrontMatter, end: afterFrontMatter }, newText: '<!-- fulcrum-disable feedback/vague-praise -->\n' }]);

    // Jargon: two complete fixes, so "fix all" is offered; apply it and the findings go.
    const jargon = diagnostics.filter((d) => d.code === 'clarity/corporate-jargon');
    const jargonActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range: jargon[0].range, context: { diagnostics: [jargon[0]] } })) as CodeAction[];
    const fixAll = jargonActions.find((a) => a.title === 'Fix all clarity/corporate-jargon in this document (2)');
    assert.ok(fixAll, `no fix-all among ${jargonActions.map((a) => a.title).join(', ')}`);
    const { text, changes } = apply(document, fixAll.edit!);
    assert.match(text, /step up and use her expertise/);
    assert.match(text, /She should use the architecture forum/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 2 }, contentChanges: changes });
    const fresh = await client.waitForDiagnostics(uri(), 2);
    assert.deepEqual(
      fresh.filter((d) => d.code === 'clarity/corporate-jargon').map((d) => d.range.start),
      lint(text, { format: 'markdown' }).findings.filter((f) => f.ruleId === 'clarity/corporate-jargon').map((f) => ({ line: f.range.start.line - 1, character: f.range.start.column - 1 })),
    );
    assert.equal(fresh.filter((d) => d.code === 'clarity/corporate-jargon').length, 1, 'the two fixed words are no longer flagged; "synergy" has no fix and stays');
  });

  it('source.fixAll.fulcrum (and "source") applies only the safe fixes; other kinds get nothing', async () => {
    const current = await client.waitForDiagnostics(uri(), 2);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    // Nothing safe is left after the jargon fix: every remaining fix has a placeholder.
    const none = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range, context: { diagnostics: [], only: ['source.fixAll.fulcrum'] } })) as CodeAction[];
    assert.deepEqual(none, []);
    const text = `${WEAK_REVIEW}\nWe will leverage the new rota.\n`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text }] });
    await client.waitForDiagnostics(uri(), 3);
    for (const only of [['source.fixAll.fulcrum'], ['source.fixAll'], ['source']]) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range, context: { diagnostics: [], only } })) as CodeAction[];
      assert.equal(actions.length, 1, `one action for only=${only}`);
      assert.equal(actions[0].kind, 'source.fixAll.fulcrum');
      const safe = lint(text, { format: 'markdown' }).findings.flatMap((f) => f.fixes.filter((x) => x.safe).flatMap((x) => x.edits));
      assert.deepEqual(editsOf(actions[0].edit!, uri()).map((e) => ('newText' in e ? e.newText : e.snippet.value)), safe.map((e) => e.text));
    }
    const refactor = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri() }, range, context: { diagnostics: current, only: ['refactor'] } });
    assert.deepEqual(refactor, []);
  });

  it('hover on a finding: why, the seed passage, before and after; nothing elsewhere', async () => {
    const text = `${WEAK_REVIEW}\nWe will leverage the new rota.\n`;
    const document = TextDocument.create(uri(), 'markdown', 3, text);
    const offset = text.indexOf('rockstar') + 2;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: document.positionAt(offset) })) as Hover;
    const finding = lint(text, { format: 'markdown' }).findings.find((f) => f.range.start.offset <= offset && offset < f.range.end.offset)!;
    const rule = builtinRules.find((r) => r.id === finding.ruleId)!;
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.ok(value.includes(rule.title) && value.includes(rule.rationale) && value.includes(rule.sources.seeds[0].quote), value);
    assert.ok(value.includes(`✗ *${rule.examples.invalid[0].text.replace(/\n+/g, ' ⏎ ')}*`) && value.includes('✓ *'), value);
    assert.deepEqual(hover.range, { start: document.positionAt(finding.range.start.offset), end: document.positionAt(finding.range.end.offset) });
    const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: document.positionAt(text.indexOf('Dana Whitfield')) });
    assert.equal(nothing, null);
  });

  it('a keystroke brings fresh diagnostics for the new version', async () => {
    const text = `${WEAK_REVIEW}\nWe will leverage the new rota.\n`;
    const document = TextDocument.create(uri(), 'markdown', 3, text);
    // Type "Thanks everyone for the hard work." one character at a time at the end of the document.
    const typed = 'Thanks everyone for the hard work.';
    let version = 3;
    let current = text;
    for (const character of typed) {
      const at = document.positionAt(current.length);
      current += character;
      version++;
      TextDocument.update(document, [{ range: { start: at, end: at }, text: character }], version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version }, contentChanges: [{ range: { start: at, end: at }, text: character }] });
    }
    const fresh = await client.waitForDiagnostics(uri(), version);
    assert.deepEqual(
      fresh.map((d) => [d.code, ...offsetsOf(document, d)]),
      lint(current, { format: 'markdown' }).findings.map((f) => [f.ruleId, f.range.start.offset, f.range.end.offset]),
    );
    assert.ok(fresh.some((d) => d.code === 'recognition/generic-thanks' && document.offsetAt(d.range.start) >= text.length), 'the typed thanks is flagged');
    const published = client.published(uri()).filter((p) => p.version! > 3);
    assert.ok(published.length < typed.length, `typing ${typed.length} characters was linted ${published.length} times, not once per keystroke`);
  });

  it('fulcrum/score returns the score and the leadership/management balance of the current version', async () => {
    const document = await client.waitFor(() => client.published(uri()).at(-1), 1000, 'the last diagnostics');
    const reply = (await client.connection.sendRequest('fulcrum/score', { textDocument: { uri: uri() } })) as { version: number; profile: string; profileLabel: string; score: ReturnType<typeof lint>['score'] };
    assert.equal(reply.version, document.version);
    const text = `${WEAK_REVIEW}\nWe will leverage the new rota.\nThanks everyone for the hard work.`;
    const expected = lint(text, { format: 'markdown' });
    assert.equal(reply.profile, 'review');
    assert.equal(reply.profileLabel, 'review');
    assert.deepEqual(reply.score, expected.score);
    assert.equal(reply.score.balance.dimensions.length, 9);
    await assert.rejects(client.connection.sendRequest('fulcrum/score', { textDocument: { uri: 'file:///not/open.md' } }), /is not open/);
  });

  it('settings come from workspace/configuration and apply when they change', async () => {
    settings = { rules: { 'feedback/vague-praise': 'off', 'clarity/shouting': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const version = client.published(uri()).at(-1)!.version!;
    const diagnostics = await client.waitFor(
      () => client.published(uri()).slice(-1).find((p) => p.version === version && !p.diagnostics.some((d) => d.code === 'feedback/vague-praise'))?.diagnostics,
      20_000,
      'diagnostics without vague praise',
    );
    assert.ok(diagnostics.length > 10);
    assert.ok(client.configurationRequests.some((items) => items.some((i) => i.scopeUri === uri() && i.section === 'fulcrum')), 'settings are asked per document');
    settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.published(uri()).at(-1)?.diagnostics.some((d) => d.code === 'feedback/vague-praise') || undefined, 20_000, 'vague praise back');
  });

  it('a broken .fulcrumrc.json is one clear message and linting goes on; a fixed one applies', async () => {
    const config = join(folder, '.fulcrumrc.json');
    writeFileSync(config, '{ "rules": { "feedback/vague-praise": "off", ');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
    const message = await client.waitForMessage((m) => m.message.includes('.fulcrumrc.json'));
    assert.equal(message.type, 1, 'an error');
    assert.match(message.message, /^Fulcrum: \.fulcrumrc\.json has problems, so the defaults are used for them: /);
    const before = client.published(uri()).length;
    const still = await client.waitFor(() => client.published(uri()).slice(before).at(-1), 20_000, 'diagnostics after the broken config');
    assert.ok(still.diagnostics.some((d) => d.code === 'feedback/vague-praise'), 'linting goes on with the defaults');
    // The same broken file again: no second message.
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    await client.waitFor(() => client.published(uri()).slice(before + 1).at(-1), 20_000, 'diagnostics after the second notice');
    assert.equal(client.messages.filter((m) => m.message.includes('.fulcrumrc.json')).length, 1);

    writeFileSync(config, JSON.stringify({ rules: { 'feedback/vague-praise': 'off', 'no/such-rule': 'off' } }));
    const count = client.published(uri()).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const applied = await client.waitFor(() => client.published(uri()).slice(count).at(-1), 20_000, 'diagnostics under the fixed config');
    assert.ok(!applied.diagnostics.some((d) => d.code === 'feedback/vague-praise'), 'the valid part of the config applies');
    const second = await client.waitForMessage((m) => m.message.includes('no/such-rule'));
    assert.match(second.message, /\.fulcrumrc\.json has problems/);
    rmSync(config);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 3 }] });
  });

  it('looks for .fulcrumrc.json up to the workspace folder, and follows folders added and removed', async () => {
    // A second project: its config turns vague praise off for the documents under it.
    const project = join(folder, 'other-project');
    mkdirSync(join(project, 'notes'), { recursive: true });
    writeFileSync(join(project, '.fulcrumrc.json'), JSON.stringify({ rules: { 'feedback/vague-praise': 'off' } }));
    const notes = pathToFileURL(join(project, 'notes', 'review.md')).href;
    const vaguePraise = () => client.published(notes).at(-1)?.diagnostics.some((d) => d.code === 'feedback/vague-praise');
    // Inside the first folder the search reaches other-project/ and finds the config there.
    await client.open(notes, WEAK_REVIEW);
    await client.waitForDiagnostics(notes, 1);
    assert.equal(vaguePraise(), false, 'the nearest config applies');
    // A workspace folder of its own at notes/: the search stops there, above it is out of reach.
    const count = client.published(notes).length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(join(project, 'notes')).href, name: 'notes' }], removed: [] } });
    await client.waitFor(() => (client.published(notes).length > count ? true : undefined), 20_000, 'diagnostics after the folder change');
    assert.equal(vaguePraise(), true, 'a config above the workspace folder is not read');
    const again = client.published(notes).length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(join(project, 'notes')).href, name: 'notes' }] } });
    await client.waitFor(() => (client.published(notes).length > again ? true : undefined), 20_000, 'diagnostics after the folder went');
    assert.equal(vaguePraise(), false);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: notes } });
  });

  it('plain text is checked whether the client calls it "plaintext" or "text"; other languages are not', async () => {
    for (const [name, languageId, expected] of [['notes.txt', 'plaintext', true], ['notes2.txt', 'text', true], ['main.rs', 'rust', false]] as const) {
      const fileUri = pathToFileURL(join(folder, name)).href;
      await client.open(fileUri, 'Great job this year! Let us circle back on this soon.', languageId);
      const diagnostics = await client.waitForDiagnostics(fileUri, 1);
      assert.equal(diagnostics.length > 0, expected, `${languageId}: ${diagnostics.length} diagnostics`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fileUri } });
    }
  });

  it('a document over fulcrum.maxDocumentKilobytes keeps no findings and gets one warning', async () => {
    settings = { maxDocumentKilobytes: 4 };
    const big = pathToFileURL(join(folder, 'big.md')).href;
    await client.open(big, WEAK_REVIEW.repeat(3));
    const diagnostics = await client.waitForDiagnostics(big, 1);
    assert.deepEqual(diagnostics, []);
    const warning = await client.waitForMessage((m) => m.message.includes('big.md'));
    assert.equal(warning.type, 2);
    assert.match(warning.message, /^Fulcrum did not check big\.md: it is \d+ KB, over the 4 KB limit \(fulcrum\.maxDocumentKilobytes\)\.$/);
    await assert.rejects(client.connection.sendRequest('fulcrum/score', { textDocument: { uri: big } }), /did not check big\.md/);
    settings = {};
  });

  it('a lint over fulcrum.timeBudgetSeconds is stopped: no findings, one warning, checked again on save; other documents go on', async () => {
    settings = { timeBudgetSeconds: 1 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // About 1.9 MB of review: several seconds of linting, under the 2 MB size limit. Every
    // paragraph is numbered, so no copy is a repeat the engine's paragraph cache could answer
    // at once (unnumbered copies are linted in well under the budget).
    const slow = pathToFileURL(join(folder, 'slow.md')).href;
    const copies = Math.floor((1900 * 1024) / WEAK_REVIEW.length);
    const text = Array.from({ length: copies }, (_, copy) => WEAK_REVIEW.replace(/\n\n/g, ` (${copy})\n\n`)).join('');
    await client.open(slow, text);
    const warning = await client.waitForMessage((m) => m.message.includes('slow.md'), 30_000);
    assert.equal(warning.type, 2);
    assert.equal(warning.message, 'Fulcrum stopped checking slow.md: it took longer than 1 s (fulcrum.timeBudgetSeconds). It will try again when you save the file.');
    // The top's findings were shown first (a preview, quick to lint); the lint of the whole left none.
    await client.waitForDiagnostics(slow, 1);
    assert.deepEqual(client.published(slow).filter((p) => p.version === 1).at(-1)?.diagnostics, []);
    // Typing does not try again (each try would hold the engine for the whole budget); saving does.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: slow, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(client.published(slow).filter((p) => p.version === 2).length, 0, 'the change after the time-out was not linted');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: slow } });
    assert.deepEqual(await client.waitForDiagnostics(slow, 2, 30_000), [], 'saving tried again (and ran out of time again)');
    assert.equal(client.messages.filter((m) => m.message.includes('slow.md')).length, 1, 'the same reason is not told twice');
    settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: slow } });
    // The engine thread was replaced: the next document is checked as usual.
    const next = pathToFileURL(join(folder, 'next.md')).href;
    await client.open(next, 'Great job this year!');
    assert.equal((await client.waitForDiagnostics(next, 1)).length > 0, true);
  });
});

describe('Language server with a client that announces nothing (no snippets, no configuration requests)', function () {
  this.timeout(60_000);
  let client: StdioClient;
  const uri = 'untitled:review';

  before(async () => {
    client = new StdioClient({ capabilities: {}, initializationOptions: { fulcrum: { rules: { 'feedback/label-praise': 'off' } } } });
    await client.initialize();
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('takes settings from initializationOptions, then from didChangeConfiguration', async () => {
    await client.open(uri, WEAK_REVIEW);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    assert.ok(diagnostics.length > 10 && !diagnostics.some((d) => d.code === 'feedback/label-praise'));
    assert.ok(diagnostics.every((d) => d.relatedInformation === undefined && d.codeDescription === undefined), 'related information and links only for clients that show them');
    assert.equal(client.configurationRequests.length, 0, 'a client without workspace/configuration is never asked');
    assert.deepEqual(client.registrations, [], 'nor sent registrations it did not offer to take');
    const count = client.published(uri).length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { fulcrum: { rules: { 'feedback/vague-praise': 'off' } } } });
    const fresh = await client.waitFor(() => client.published(uri).slice(count).at(-1)?.diagnostics, 20_000, 'diagnostics under the pushed settings');
    assert.ok(fresh.some((d) => d.code === 'feedback/label-praise') && !fresh.some((d) => d.code === 'feedback/vague-praise'));
  });

  it('gets fixes as plain text edits (gaps left as [placeholders]) and hovers as plain text', async () => {
    const diagnostics = client.published(uri).at(-1)!.diagnostics;
    const goal = diagnostics.find((d) => d.code === 'expectations/unmeasurable-goal')!;
    const [fix] = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: goal.range, context: { diagnostics: [goal] } })) as CodeAction[];
    assert.equal(fix.title, 'Add a measure');
    assert.equal(fix.edit!.documentChanges, undefined);
    assert.deepEqual(fix.edit!.changes?.[uri].map((e) => e.newText), [' (from [baseline] to [target])']);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: goal.range.start })) as Hover;
    assert.equal((hover.contents as { kind: string }).kind, 'plaintext');
  });
});

describe('Language server with the VS Code extension’s own features (client commands, config files, dismissals, trust)', function () {
  this.timeout(60_000);
  let client: StdioClient;
  const uri = 'vscode-vfs://github/acme/notes/review.md';
  const TEXT = '# Review: Sam\n\nSam should utilize the new dashboard.\n\nSam is lazy about code reviews.\n\nPlease send me the plan ASAP.\n';
  const configAsked: string[] = [];
  const configText = JSON.stringify({ rules: { 'feedback/personality-judgement': 'error' }, phrases: { 'clarity/corporate-jargon': ['dashboard'] } });

  before(async () => {
    client = new StdioClient({
      capabilities: FULL_CAPABILITIES,
      initializationOptions: { clientCommands: ['fulcrum.applySnippetFix', 'fulcrum.explainRule', 'fulcrum.dismissFinding', 'no.such.command'], configFilesFromClient: true, trusted: false },
    });
    client.connection.onRequest('fulcrum/configFile', (params: { textDocument: { uri: string } }) => {
      configAsked.push(params.textDocument.uri);
      return { uri: 'vscode-vfs://github/acme/notes/.fulcrumrc.json', text: configText };
    });
    await client.initialize();
    await client.open(uri, TEXT);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const codeActionsAt = async (code: string) => {
    const diagnostic = client.published(uri).at(-1)!.diagnostics.find((d) => d.code === code)!;
    assert.ok(diagnostic, `a ${code} diagnostic`);
    return (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  };

  it('reads config files through the client, and leaves custom phrases out of an untrusted workspace', async () => {
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    assert.ok(configAsked.includes(uri), 'the client was asked for the config');
    assert.equal(diagnostics.find((d) => d.code === 'feedback/personality-judgement')?.severity, 1, 'the rule setting from the client’s file applies');
    assert.equal(diagnostics.filter((d) => d.code === 'clarity/corporate-jargon').length, 1, 'the added phrase does not (untrusted)');
    const count = client.published(uri).length;
    await client.connection.sendNotification('fulcrum/setTrusted', { trusted: true });
    const trusted = await client.waitFor(() => client.published(uri).slice(count).at(-1)?.diagnostics, 20_000, 'diagnostics once trusted');
    assert.equal(trusted.filter((d) => d.code === 'clarity/corporate-jargon').length, 2, 'the custom phrase now applies');
  });

  it('offers a snippet fix as the client’s command, and "Not an issue" and "Explain" only to a client that runs them', async () => {
    const [fix] = await codeActionsAt('expectations/vague-time');
    assert.equal(fix.edit, undefined);
    assert.equal(fix.command?.command, 'fulcrum.applySnippetFix');
    const [target, start, end, snippet, version] = fix.command!.arguments!;
    assert.equal(target, uri);
    assert.equal(TEXT.slice(start as number, end as number), 'ASAP');
    assert.equal(snippet, 'by ${1:date}');
    assert.equal(version, 1);
    const lazy = await codeActionsAt('feedback/personality-judgement');
    const dismiss = lazy.find((a) => a.title === 'Not an issue (remember on this machine)');
    assert.equal(dismiss?.command?.command, 'fulcrum.dismissFinding');
    assert.deepEqual({ ...(dismiss!.command!.arguments![0] as object), at: undefined }, { ruleId: 'feedback/personality-judgement', text: 'lazy', sentence: 'Sam is lazy about code reviews.', profile: 'review', at: undefined });
    assert.deepEqual(lazy.find((a) => a.title === 'Explain feedback/personality-judgement')?.command?.arguments, ['feedback/personality-judgement']);
  });

  it('hides a dismissed finding once the client sends the dismissals', async () => {
    const [dismiss] = (await codeActionsAt('feedback/personality-judgement')).filter((a) => a.command?.command === 'fulcrum.dismissFinding');
    const count = client.published(uri).length;
    await client.connection.sendNotification('fulcrum/setDismissals', { dismissals: dismiss.command!.arguments });
    const after = await client.waitFor(() => client.published(uri).slice(count).at(-1)?.diagnostics, 20_000, 'diagnostics after the dismissal');
    assert.ok(!after.some((d) => d.code === 'feedback/personality-judgement'));
    assert.ok(after.some((d) => d.code === 'expectations/vague-time'), 'the rest stay');
  });

  it('answers fulcrum/report, fulcrum/lintText, fulcrum/rules and fulcrum/explainRule', async () => {
    const report = (await client.connection.sendRequest('fulcrum/report', { textDocument: { uri } })) as { version: number; data: { fileName: string; overall: number; findings: Array<{ ruleId: string }> } };
    assert.equal(report.data.fileName, 'review.md');
    assert.ok(report.data.findings.some((f) => f.ruleId === 'expectations/vague-time'));
    const once = (await client.connection.sendRequest('fulcrum/lintText', { uri: 'vscode-vfs://github/acme/notes/other.txt', languageId: 'plaintext', text: 'Sam is lazy.' })) as { result: { findings: Array<{ ruleId: string; severity: string }> } };
    assert.equal(once.result.findings.find((f) => f.ruleId === 'feedback/personality-judgement')?.severity, 'error', 'with the config for that file');
    const rules = (await client.connection.sendRequest('fulcrum/rules')) as Array<{ id: string; title: string }>;
    assert.equal(rules.length, builtinRules.length);
    const page = (await client.connection.sendRequest('fulcrum/explainRule', { ruleId: 'clarity/corporate-jargon' })) as { markdown: string | null };
    assert.ok(page.markdown?.startsWith('# Jargon where a plain word works'));
    assert.equal(((await client.connection.sendRequest('fulcrum/explainRule', { ruleId: 'no/such-rule' })) as { markdown: string | null }).markdown, null);
  });

  it('refuses a report for a document that is not open, saying why', async () => {
    await assert.rejects(client.connection.sendRequest('fulcrum/report', { textDocument: { uri: 'vscode-vfs://github/acme/notes/closed.md' } }), (error: { data?: { reason?: string } }) => error.data?.reason === 'notOpen');
    await client.open('vscode-vfs://github/acme/notes/data.json', '{ "note": "Sam is lazy." }', 'json');
    await assert.rejects(client.connection.sendRequest('fulcrum/score', { textDocument: { uri: 'vscode-vfs://github/acme/notes/data.json' } }), (error: { data?: { reason?: string } }) => error.data?.reason === 'notChecked');
  });
});
