import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateFulcrum,
  applyEditsToText,
  cleanUp,
  codeActions,
  countByRule,
  diagnosticAt,
  fulcrumDiagnostics,
  HEDGE,
  JARGON,
  openInEditor,
  PERSONALITY,
  rangeOf,
  REVIEW,
  scratchFolder,
  VAGUE_TIME,
  waitForCodeActions,
  waitForDiagnostics,
  waitForReview,
  writeFile,
} from './helpers.js';

function titles(actions: readonly vscode.CodeAction[]): string[] {
  return actions.map((a) => a.title);
}

function find(actions: readonly vscode.CodeAction[], title: string | RegExp): vscode.CodeAction {
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no code action "${title}" among ${JSON.stringify(titles(actions))}`);
  return action;
}

suite('Code actions', () => {
  let folder: vscode.Uri;

  suiteSetup(activateFulcrum);
  setup(async () => {
    folder = await scratchFolder('actions');
  });
  teardown(async () => cleanUp(folder));

  async function openReview(name: string): Promise<vscode.TextEditor> {
    const uri = await writeFile(vscode.Uri.joinPath(folder, name), REVIEW);
    const editor = await openInEditor(uri);
    await waitForReview(uri);
    return editor;
  }

  test('offers the rule’s fix (preferred), fix all, disable for the line and the document, and explain', async () => {
    const { document } = await openReview('menu.md');
    const utilize = rangeOf(document, 'utilize');
    const actions = await codeActions(document.uri, utilize);
    const fulcrum = actions.filter((a) => a.title.includes(JARGON) || a.isPreferred);

    const fix = find(actions, /utilize/i);
    assert.equal(fix.isPreferred, true, 'the rule’s own fix is the preferred action');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'the fix is a quick fix');
    assert.ok(fix.edit, 'a replacement fix is a WorkspaceEdit');
    const replaced = fix.edit.get(document.uri);
    assert.equal(replaced.length, 1);
    assert.ok(replaced[0].range.isEqual(utilize));
    assert.equal(replaced[0].newText, 'use');

    const fixAll = find(actions, `Fix all ${JARGON} in this document (2)`);
    assert.equal(applyEditsToText(document, fixAll.edit!), REVIEW.replace('utilize', 'use').replace('leverage', 'use'));

    const disableLine = find(actions, `Disable ${JARGON} for this line`);
    assert.equal(applyEditsToText(document, disableLine.edit!), REVIEW.replace('Sam should utilize', `<!-- fulcrum-disable-next-line ${JARGON} -->\nSam should utilize`));

    const disableDocument = find(actions, `Disable ${JARGON} for this document`);
    assert.equal(applyEditsToText(document, disableDocument.edit!), REVIEW.replace('---\n# Review', `---\n<!-- fulcrum-disable ${JARGON} -->\n# Review`), 'the comment goes after the front matter');

    const explain = find(actions, `Explain ${JARGON}`);
    assert.equal(explain.command?.command, 'fulcrum.explainRule');
    assert.deepEqual(explain.command?.arguments, [JARGON]);

    assert.ok(fulcrum.length >= 5, `expected the five Fulcrum actions, got ${JSON.stringify(titles(actions))}`);
    // Actions are only offered for the finding under the cursor: nothing for other rules.
    assert.ok(!actions.some((a) => a.title.includes(PERSONALITY) || a.title.includes(VAGUE_TIME)), JSON.stringify(titles(actions)));
  });

  test('a fix with a placeholder becomes a snippet command; applying it leaves the placeholder text', async () => {
    const editor = await openReview('snippet.md');
    const { document } = editor;
    const asap = rangeOf(document, 'ASAP');
    const actions = await codeActions(document.uri, asap);
    const fix = find(actions, /ASAP/);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.edit, undefined, 'a snippet fix runs as a command, not an edit');
    assert.equal(fix.command?.command, 'fulcrum.applySnippetFix');
    const [uri, start, end, snippet, version] = fix.command?.arguments ?? [];
    assert.equal(String(uri), document.uri.toString());
    assert.equal(start, document.offsetAt(asap.start));
    assert.equal(end, document.offsetAt(asap.end));
    assert.equal(snippet, 'by ${1:date}');
    assert.equal(version, document.version);
    // Only one finding of the rule: no "Fix all".
    assert.ok(!actions.some((a) => a.title.startsWith(`Fix all ${VAGUE_TIME}`)));

    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));
    assert.equal(document.getText(), REVIEW.replace('ASAP', 'by date'));
    await waitForDiagnostics(document.uri, 'the vague-time finding to go', (list) => !countByRule(list)[VAGUE_TIME] && countByRule(list)[JARGON] === 2);
  });

  test('applying the jargon fix replaces "utilize" with "use", and its diagnostic goes after re-analysis', async () => {
    const { document } = await openReview('fix.md');
    const utilize = rangeOf(document, 'utilize');
    const fix = find(await codeActions(document.uri, utilize), /utilize/i);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), REVIEW.replace('utilize', 'use'));
    const after = await waitForDiagnostics(document.uri, 'one jargon finding left', (list) => countByRule(list)[JARGON] === 1);
    diagnosticAt(document.uri, JARGON, rangeOf(document, 'leverage'));
    assert.equal(countByRule(after)[PERSONALITY], 1, 'other findings stay');
    // The provider now offers nothing for the fixed words.
    const fixed = new vscode.Range(utilize.start, utilize.start.translate(0, 3));
    const actions = await codeActions(document.uri, fixed);
    assert.ok(!actions.some((a) => a.title.includes(JARGON)), JSON.stringify(titles(actions)));
  });

  test('"Fix all" in this document fixes every finding of the rule', async () => {
    const { document } = await openReview('fix-all.md');
    const fixAll = find(await codeActions(document.uri, rangeOf(document, 'leverage')), `Fix all ${JARGON} in this document (2)`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    assert.equal(document.getText(), REVIEW.replace('utilize', 'use').replace('leverage', 'use'));
    await waitForDiagnostics(document.uri, 'no jargon findings', (list) => !countByRule(list)[JARGON] && countByRule(list)[HEDGE] === 2);
  });

  test('"Disable for this line" silences that finding only', async () => {
    const { document } = await openReview('disable-line.md');
    const disable = find(await codeActions(document.uri, rangeOf(document, 'utilize')), `Disable ${JARGON} for this line`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.match(document.lineAt(6).text, new RegExp(`^<!-- fulcrum-disable-next-line ${JARGON} -->$`));
    await waitForDiagnostics(document.uri, 'only the other jargon finding', (list) => countByRule(list)[JARGON] === 1);
    diagnosticAt(document.uri, JARGON, rangeOf(document, 'leverage'));
    assert.equal(fulcrumDiagnostics(document.uri).filter((d) => d.range.start.line === 7).length, 0, 'nothing on the disabled line');
  });

  test('"Disable for this document" silences the rule everywhere in it', async () => {
    const { document } = await openReview('disable-document.md');
    const disable = find(await codeActions(document.uri, rangeOf(document, 'leverage')), `Disable ${JARGON} for this document`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    await waitForDiagnostics(document.uri, 'no jargon findings', (list) => !countByRule(list)[JARGON] && countByRule(list)[PERSONALITY] === 1);
  });

  test('source.fixAll.fulcrum returns one action with only the safe fixes', async () => {
    const { document } = await openReview('source-fix-all.md');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await waitForCodeActions(document.uri, whole, 'the fix-all action', (list) => list.length > 0, 'source.fixAll.fulcrum');
    assert.deepEqual(titles(actions), ['Fix all safe Fulcrum problems']);
    const [action] = actions;
    assert.equal(action.kind?.value, 'source.fixAll.fulcrum');
    // Safe: jargon replacements. Not safe: "ASAP" (needs a date), "lazy" (needs a rewrite), and hedge
    // deletions, which make the criticism harsher than the writer chose to make it.
    const expected = REVIEW.replace('utilize', 'use').replace('leverage', 'use');
    assert.equal(applyEditsToText(document, action.edit!), expected);
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.equal(document.getText(), expected);
    const after = await waitForDiagnostics(document.uri, 'the safe findings to go', (list) => !countByRule(list)[JARGON] && countByRule(list)[HEDGE] === 2);
    assert.equal(countByRule(after)[VAGUE_TIME], 1);
    assert.equal(countByRule(after)[PERSONALITY], 1);
  });

  test('quick-fix requests do not include the fix-all source action', async () => {
    const { document } = await openReview('kinds.md');
    const quickFixes = await codeActions(document.uri, rangeOf(document, 'utilize'), vscode.CodeActionKind.QuickFix.value);
    assert.ok(quickFixes.length >= 5, JSON.stringify(titles(quickFixes)));
    for (const a of quickFixes) assert.ok(a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind), `${a.title} is a quick fix`);
    const refactors = await codeActions(document.uri, rangeOf(document, 'utilize'), vscode.CodeActionKind.Refactor.value);
    assert.deepEqual(titles(refactors.filter((a) => a.title.includes('Fulcrum') || a.title.includes(JARGON))), []);
  });
  // What "Fix All" and editor.codeActionsOnSave { "source.fixAll": "explicit" } ask for.
  test('source.fixAll (the parent kind) includes Fulcrum’s safe fixes', async () => {
    const { document } = await openReview('parent-kind.md');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActions(document.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(titles(actions), ['Fix all safe Fulcrum problems']);
  });

  // A fix with [placeholders] is a snippet applied alone; "Fix all" must not leave literal placeholders.
  test('"Fix all" never leaves unfilled placeholders behind', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'placeholders.md'), '# Notes\n\nPlease send the budget ASAP.\n\nPlease send me the revised plan ASAP.\n');
    const { document } = await openInEditor(uri);
    await waitForDiagnostics(uri, 'two vague-time findings', (l) => countByRule(l)[VAGUE_TIME] === 2);
    const fixAll = (await codeActions(uri, rangeOf(document, 'ASAP'))).find((a) => a.title.startsWith(`Fix all ${VAGUE_TIME}`));
    if (!fixAll) return; // not offering it is a fine answer too
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    const after = await waitForDiagnostics(uri, 'the vague-time findings to go', (l) => !countByRule(l)[VAGUE_TIME]);
    assert.equal(countByRule(after)['clarity/unfilled-placeholder'], undefined, document.getText());
  });
});
