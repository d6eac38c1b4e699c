import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateFulcrum,
  cleanUp,
  countByRule,
  diagnosticAt,
  fulcrumDiagnostics,
  HEDGE,
  JARGON,
  openInEditor,
  PERSONALITY,
  rangeOf,
  REVIEW,
  ruleIdOf,
  scratchFolder,
  VAGUE_TIME,
  waitFor,
  waitForDiagnostics,
  waitForReview,
  writeFile,
} from './helpers.js';

suite('Diagnostics', () => {
  let folder: vscode.Uri;

  suiteSetup(activateFulcrum);
  setup(async () => {
    folder = await scratchFolder('diagnostics');
  });
  teardown(async () => cleanUp(folder));

  test('publishes Fulcrum diagnostics for a Markdown file, with rule ids, source and docs links', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'review.md'), REVIEW);
    const editor = await openInEditor(uri);
    assert.equal(editor.document.languageId, 'markdown');
    const diagnostics = await waitForReview(uri);

    for (const d of diagnostics) {
      assert.equal(d.source, 'Fulcrum');
      assert.ok(typeof d.code === 'object' && d.code !== null, 'the code carries a docs link');
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.match(String(code.value), /^[a-z-]+\/[a-z-]+$/, 'the code is a rule id');
      assert.ok(code.target instanceof vscode.Uri, 'the code has a target URI');
      assert.ok(code.target.toString().length > 0);
    }
    const counts = countByRule(diagnostics);
    for (const id of ['development/no-growth', 'follow-up/no-check-in', 'follow-up/no-next-steps']) assert.equal(counts[id], 1, `${id} is reported once`);

    // Each inline finding sits exactly on its words.
    const document = editor.document;
    diagnosticAt(uri, JARGON, rangeOf(document, 'utilize'));
    diagnosticAt(uri, JARGON, rangeOf(document, 'leverage'));
    diagnosticAt(uri, PERSONALITY, rangeOf(document, 'lazy'));
    diagnosticAt(uri, HEDGE, rangeOf(document, 'maybe'));
    diagnosticAt(uri, HEDGE, rangeOf(document, 'a bit'));
    diagnosticAt(uri, VAGUE_TIME, rangeOf(document, 'ASAP'));
    assert.match(diagnosticAt(uri, JARGON, rangeOf(document, 'utilize')).message, /"utilize" is jargon/);
  });

  test('maps rule severities to diagnostic severities, and a severity setting overrides them', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'severity.md'), REVIEW);
    const { document } = await openInEditor(uri);
    await waitForReview(uri);
    assert.equal(diagnosticAt(uri, JARGON, rangeOf(document, 'utilize')).severity, vscode.DiagnosticSeverity.Information, 'info → Information');
    assert.equal(diagnosticAt(uri, PERSONALITY, rangeOf(document, 'lazy')).severity, vscode.DiagnosticSeverity.Warning, 'warning → Warning');

    const config = vscode.workspace.getConfiguration('fulcrum');
    const before = config.inspect('rules')?.workspaceValue;
    await config.update('rules', { [JARGON]: 'error', [PERSONALITY]: 'info' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, 'the severity overrides', (list) =>
        list.some((d) => ruleIdOf(d) === JARGON && d.severity === vscode.DiagnosticSeverity.Error) && list.some((d) => ruleIdOf(d) === PERSONALITY && d.severity === vscode.DiagnosticSeverity.Information),
      );
      for (const d of fulcrumDiagnostics(uri, JARGON)) assert.equal(d.severity, vscode.DiagnosticSeverity.Error, 'error → Error');
    } finally {
      await vscode.workspace.getConfiguration('fulcrum').update('rules', before, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, 'the default severities again', (list) => list.some((d) => ruleIdOf(d) === JARGON && d.severity === vscode.DiagnosticSeverity.Information));
  });

  test('quotes the seed passage each rule rests on in the related information', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'related.md'), REVIEW);
    const { document } = await openInEditor(uri);
    await waitForReview(uri);
    const jargon = diagnosticAt(uri, JARGON, rangeOf(document, 'utilize'));
    const related = jargon.relatedInformation ?? [];
    assert.ok(related.length >= 1, 'the diagnostic has related information');
    const messages = related.map((r) => r.message);
    assert.ok(
      messages.some((m) => /^Seed 000: “Open communication is vital in both management and leadership”$/.test(m)),
      `a seed quote is cited; got ${JSON.stringify(messages)}`,
    );
    for (const r of related) {
      assert.equal(r.location.uri.toString(), uri.toString());
      assert.ok(r.location.range.isEqual(jargon.range), 'related information points at the finding');
    }
    // Every diagnostic cites at least one seed.
    for (const d of fulcrumDiagnostics(uri)) assert.ok((d.relatedInformation ?? []).some((r) => /^Seed \d{3}: “.+”$/.test(r.message)), `${ruleIdOf(d)} cites a seed`);
  });

  test('re-analyses as you type: a new problem appears and a removed one goes', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'typing.md'), REVIEW);
    const editor = await openInEditor(uri);
    await waitForReview(uri);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\nWe will utilise the budget.\n')));
    await waitForDiagnostics(uri, 'a third jargon finding', (list) => countByRule(list)[JARGON] === 3);
    const lazy = rangeOf(editor.document, 'lazy');
    assert.ok(await editor.edit((b) => b.replace(lazy, 'late')));
    await waitForDiagnostics(uri, 'the personality finding to go', (list) => !countByRule(list)[PERSONALITY] && countByRule(list)[JARGON] === 3);
  });

  test('checks an untitled Markdown document', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: REVIEW });
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'untitled');
    await waitForReview(document.uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('checks plain text files too, and leaves other languages alone', async () => {
    const text = await writeFile(vscode.Uri.joinPath(folder, 'notes.txt'), 'Sam is lazy about code reviews. Please utilize the dashboard.\n');
    const json = await writeFile(vscode.Uri.joinPath(folder, 'data.json'), '{ "note": "Sam is lazy about code reviews. Please utilize the dashboard." }\n');
    const textEditor = await openInEditor(text);
    assert.equal(textEditor.document.languageId, 'plaintext');
    await waitForDiagnostics(text, 'the plain-text findings', (list) => countByRule(list)[JARGON] === 1);
    const jsonEditor = await openInEditor(json);
    assert.equal(jsonEditor.document.languageId, 'json');
    // Give the extension well over its debounce to (wrongly) report something.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(fulcrumDiagnostics(json), []);
  });

  test('clears a document’s diagnostics when it is closed', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'close.md'), REVIEW);
    // Opened through the workbench (not openTextDocument) so that nothing in the extension
    // host keeps the document alive once its editor closes.
    await vscode.commands.executeCommand('vscode.open', uri);
    const document = await waitFor('the document to open', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
    await waitForReview(uri);
    const closed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closed;
    assert.ok(document.isClosed);
    await waitForDiagnostics(uri, 'the diagnostics to be cleared', (list) => list.length === 0);
  });
});
