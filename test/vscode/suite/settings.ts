import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateFulcrum,
  cleanUp,
  countByRule,
  fulcrumDiagnostics,
  HEDGE,
  JARGON,
  openInEditor,
  PERSONALITY,
  REVIEW,
  scratchFolder,
  sleep,
  waitForDiagnostics,
  waitForReview,
  withSetting,
  withSettingIn,
  writeFile,
} from './helpers.js';

/**
 * With the setting at `value`, the open review (in the active editor) keeps no Fulcrum
 * diagnostics, even after an edit; once the setting goes, its three jargon findings come back.
 */
async function assertNoDiagnosticsWhile(uri: vscode.Uri, key: string, value: unknown): Promise<void> {
  await withSetting(key, value, async () => {
    await waitForDiagnostics(uri, 'the diagnostics to be cleared', (l) => l.length === 0);
    // An edit is checked again under the setting: still nothing.
    const editor = vscode.window.activeTextEditor!;
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'We will utilise it.\n')));
    await sleep(1000);
    assert.deepEqual(fulcrumDiagnostics(uri), []);
  });
  await waitForDiagnostics(uri, 'the diagnostics to return', (l) => countByRule(l)[JARGON] === 3);
}

suite('Settings and .fulcrumrc.json', () => {
  let folder: vscode.Uri;

  suiteSetup(activateFulcrum);
  setup(async () => {
    folder = await scratchFolder('settings');
  });
  teardown(async () => cleanUp(folder));

  test('fulcrum.rules set to off removes that rule’s diagnostics, and they return when the setting goes', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'rules.md'), REVIEW);
    await openInEditor(uri);
    await waitForReview(uri);
    await withSetting('rules', { [JARGON]: 'off' }, async () => {
      const list = await waitForDiagnostics(uri, 'no jargon findings', (l) => !countByRule(l)[JARGON] && l.length > 0);
      assert.equal(countByRule(list)[PERSONALITY], 1, 'other rules still report');
      assert.equal(countByRule(list)[HEDGE], 2);
    });
    await waitForReview(uri);
  });

  test('fulcrum.enable set to false clears every Fulcrum diagnostic; true brings them back', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'enable.md'), REVIEW);
    await openInEditor(uri);
    await waitForReview(uri);
    await assertNoDiagnosticsWhile(uri, 'enable', false);
  });

  test('fulcrum.languages decides which languages are checked', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'notes.txt'), 'Please utilize the dashboard.\n');
    await openInEditor(uri);
    await waitForDiagnostics(uri, 'the plain-text finding', (l) => countByRule(l)[JARGON] === 1);
    await withSetting('languages', ['markdown'], async () => {
      await waitForDiagnostics(uri, 'plain text to be left alone', (l) => l.length === 0);
    });
    await waitForDiagnostics(uri, 'the plain-text finding again', (l) => countByRule(l)[JARGON] === 1);
  });

  test('fulcrum.run set to onSave waits for a save', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'on-save.md'), REVIEW);
    const editor = await openInEditor(uri);
    await waitForReview(uri);
    // code-server saves after a second by default, which would make this test meaningless.
    await withSettingIn('files', 'autoSave', 'off', () =>
      withSetting('run', 'onSave', async () => {
        await sleep(600); // let the re-analysis the setting change triggers settle
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'We will utilise it.\n')));
        await sleep(1500);
        assert.ok(editor.document.isDirty, 'nothing saved the document');
        assert.equal(countByRule(fulcrumDiagnostics(uri))[JARGON], 2, 'typing alone does not re-analyse');
        assert.ok(await editor.document.save());
        await waitForDiagnostics(uri, 'the new finding after saving', (l) => countByRule(l)[JARGON] === 3);
      }),
    );
  });

  test('fulcrum.maxDocumentKilobytes: a document over it keeps no diagnostics; under it they come back', async () => {
    // REVIEW and about 1.5 KB of plain notes: over a 1 KB cap.
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'big.md'), `${REVIEW}\n${'A line of plain notes about the week.\n'.repeat(40)}`);
    await openInEditor(uri);
    await waitForReview(uri);
    await assertNoDiagnosticsWhile(uri, 'maxDocumentKilobytes', 1);
  });

  test('a .fulcrumrc.json next to the document configures it', async () => {
    await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { [JARGON]: 'off', [PERSONALITY]: 'error' } }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'configured.md'), REVIEW);
    await openInEditor(uri);
    const list = await waitForDiagnostics(uri, 'the configured findings', (l) => countByRule(l)[PERSONALITY] === 1 && countByRule(l)[HEDGE] === 2);
    assert.equal(countByRule(list)[JARGON], undefined, 'the file turned the jargon rule off');
    assert.equal(list.find((d) => (d.code as { value: string }).value === PERSONALITY)?.severity, vscode.DiagnosticSeverity.Error, 'and raised the personality rule to error');
  });

  test('editing .fulcrumrc.json re-analyses open documents', async () => {
    const config = await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: {} }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'watched.md'), REVIEW);
    await openInEditor(uri);
    await waitForReview(uri);
    await writeFile(config, JSON.stringify({ rules: { [HEDGE]: 'off' } }));
    await waitForDiagnostics(uri, 'the hedge rule to go', (l) => !countByRule(l)[HEDGE] && countByRule(l)[JARGON] === 2);
  });

  test('the nearest .fulcrumrc.json, up to the workspace folder, applies', async () => {
    await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { [JARGON]: 'off' } }));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'inherits', 'deeper'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'overrides'));
    await writeFile(vscode.Uri.joinPath(folder, 'overrides', '.fulcrumrc.json'), JSON.stringify({ rules: { [HEDGE]: 'off' } }));
    const inherits = await writeFile(vscode.Uri.joinPath(folder, 'inherits', 'deeper', 'doc.md'), REVIEW);
    const overrides = await writeFile(vscode.Uri.joinPath(folder, 'overrides', 'doc.md'), REVIEW);
    await openInEditor(inherits);
    await waitForDiagnostics(inherits, 'the parent folder’s file to apply', (l) => countByRule(l)[PERSONALITY] === 1 && countByRule(l)[HEDGE] === 2 && !countByRule(l)[JARGON]);
    await openInEditor(overrides);
    // The nearest file wins outright: files are not merged.
    await waitForDiagnostics(overrides, 'only the nearest file to apply', (l) => countByRule(l)[PERSONALITY] === 1 && countByRule(l)[JARGON] === 2 && !countByRule(l)[HEDGE]);
  });

  test('deleting .fulcrumrc.json brings the defaults back', async () => {
    const config = await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { [JARGON]: 'off' } }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'deleted.md'), REVIEW);
    await openInEditor(uri);
    await waitForDiagnostics(uri, 'the file to turn the jargon rule off', (l) => countByRule(l)[PERSONALITY] === 1 && !countByRule(l)[JARGON]);
    await vscode.workspace.fs.delete(config);
    await waitForReview(uri);
  });

  test('settings win over .fulcrumrc.json', async () => {
    await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { [JARGON]: 'off' } }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'precedence.md'), REVIEW);
    await openInEditor(uri);
    await waitForDiagnostics(uri, 'the file’s setting', (l) => countByRule(l)[PERSONALITY] === 1 && !countByRule(l)[JARGON]);
    await withSetting('rules', { [JARGON]: 'warning' }, async () => {
      const list = await waitForDiagnostics(uri, 'the jargon rule back, as warnings', (l) => countByRule(l)[JARGON] === 2);
      for (const d of list.filter((x) => (x.code as { value: string }).value === JARGON)) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    });
  });

  test('a broken .fulcrumrc.json still leaves the built-in rules’ diagnostics', async () => {
    await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), '{ "rules": { "clarity/corporate-jargon": "off", ');
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'broken.md'), REVIEW);
    await openInEditor(uri);
    // The defaults apply, so the jargon rule the broken file tried to turn off still reports.
    await waitForReview(uri);
  });

  test('a .fulcrumrc.json that breaks while a document is open falls back to the defaults', async () => {
    const config = await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { [JARGON]: 'off' } }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'breaks.md'), REVIEW);
    await openInEditor(uri);
    await waitForDiagnostics(uri, 'the file to turn the jargon rule off', (l) => countByRule(l)[PERSONALITY] === 1 && !countByRule(l)[JARGON]);
    await writeFile(config, '{ "rules": { "clarity/corporate-jargon": "off" }');
    await waitForReview(uri);
  });

  test('a .fulcrumrc.json with unknown rules and bad values keeps the rest of the file', async () => {
    await writeFile(vscode.Uri.joinPath(folder, '.fulcrumrc.json'), JSON.stringify({ rules: { 'no/such-rule': 'off', [PERSONALITY]: 'loud', [JARGON]: 'off' } }));
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'partial.md'), REVIEW);
    await openInEditor(uri);
    const list = await waitForDiagnostics(uri, 'the findings', (l) => countByRule(l)[PERSONALITY] === 1 && countByRule(l)[HEDGE] === 2);
    assert.equal(countByRule(list)[JARGON], undefined, 'the valid entry still applies');
  });
});
