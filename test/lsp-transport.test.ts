import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../src/core/index.js';
import { messageBytes } from '../src/lsp/jsonEncoder.js';

const messageJson = (message: Parameters<typeof messageBytes>[0]) => new TextDecoder().decode(messageBytes(message));
import { PublishedDiagnostics } from '../src/lsp/publishedDiagnostics.js';

const FEATURES = { relatedInformation: true, codeDescription: true };
const TEXT = '# Notes\n\nSam should utilize the dashboard.\n\nSam is lazy about code reviews.\n\nPlease send the plan ASAP.\n';

describe('Language server transport: diagnostics built and serialised once per finding', () => {
  it('gives an unchanged finding the same diagnostic object after an edit elsewhere, and a moved one a new object', () => {
    const published = new PublishedDiagnostics(FEATURES);
    const before = TextDocument.create('file:///notes.md', 'markdown', 1, TEXT);
    const first = published.diagnosticsFor(before, lint(TEXT).findings);
    // A word typed in the second paragraph: the first finding stays put, the one on that line moves.
    const edited = TEXT.replace('Sam is lazy', 'Sam is very lazy');
    const after = TextDocument.create('file:///notes.md', 'markdown', 2, edited);
    const second = published.diagnosticsFor(after, lint(edited).findings);
    const byCode = (list: typeof first, code: string) => list.find((d) => d.code === code)!;
    assert.equal(byCode(second, 'clarity/corporate-jargon'), byCode(first, 'clarity/corporate-jargon'), 'the same object');
    const lazyBefore = byCode(first, 'feedback/personality-judgement');
    const lazyAfter = byCode(second, 'feedback/personality-judgement');
    assert.notEqual(lazyAfter, lazyBefore);
    assert.equal(after.getText(lazyAfter.range), 'lazy');
    assert.deepEqual(lazyAfter.relatedInformation?.[0].location.range, lazyAfter.range, 'related information points at the new range');
    published.forget('file:///notes.md');
    assert.notEqual(published.diagnosticsFor(after, lint(edited).findings)[0], second[0], 'a forgotten document starts afresh');
  });

  it('serialises a publishDiagnostics notification to the same JSON as JSON.stringify, reusing each diagnostic’s JSON', () => {
    const document = TextDocument.create('file:///notes.md', 'markdown', 3, TEXT);
    const diagnostics = new PublishedDiagnostics(FEATURES).diagnosticsFor(document, lint(TEXT).findings);
    assert.ok(diagnostics.length >= 3);
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: document.uri, version: 3, diagnostics } };
    assert.equal(messageJson(message), JSON.stringify(message));
    assert.equal(messageJson(message), JSON.stringify(message), 'the second time, from the cache, the same');
    const noVersion = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: document.uri, diagnostics: [] } };
    assert.equal(messageJson(noVersion), JSON.stringify(noVersion));
    const onlyDiagnostics = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics } };
    assert.deepEqual(JSON.parse(messageJson(onlyDiagnostics)), JSON.parse(JSON.stringify(onlyDiagnostics)));
  });

  it('serialises every other message as JSON.stringify does', () => {
    const request = { jsonrpc: '2.0', id: 4, method: 'workspace/configuration', params: { items: [{ section: 'fulcrum' }] } };
    assert.equal(messageJson(request), JSON.stringify(request));
    const response = { jsonrpc: '2.0', id: 5, result: { diagnostics: [{ message: 'not a notification' }] } };
    assert.equal(messageJson(response), JSON.stringify(response));
  });
});
