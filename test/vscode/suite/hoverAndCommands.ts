import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateFulcrum, cleanUp, JARGON, openInEditor, PERSONALITY, rangeOf, REVIEW, scratchFolder, waitFor, waitForReview, writeFile } from './helpers.js';

function markdownOf(hovers: readonly vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

suite('Hover and commands', () => {
  let folder: vscode.Uri;

  suiteSetup(activateFulcrum);
  setup(async () => {
    folder = await scratchFolder('hover');
  });
  teardown(async () => cleanUp(folder));

  test('hovering a finding explains the rule and quotes its seed', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'hover.md'), REVIEW);
    const { document } = await openInEditor(uri);
    await waitForReview(uri);
    const utilize = rangeOf(document, 'utilize');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, utilize.start.translate(0, 2));
    const fulcrum = markdownOf(hovers).filter((m) => m.includes('Fulcrum'));
    assert.equal(fulcrum.length, 1, `one Fulcrum hover; got ${JSON.stringify(markdownOf(hovers))}`);
    const [text] = fulcrum;
    assert.ok(text.includes(`\`${JARGON}\``), 'names the rule');
    assert.ok(text.includes('Jargon where a plain word works'), 'gives the rule title');
    assert.ok(text.includes('“Open communication is vital in both management and leadership”'), 'quotes the seed');
    assert.ok(text.includes('Jargon makes feedback and announcements sound like'), 'explains why');
    const hover = hovers.find((h) => markdownOf([h])[0].includes('Fulcrum'))!;
    assert.ok(hover.range?.isEqual(utilize), 'the hover covers the finding');

    const other = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(document, 'lazy').start);
    const otherText = markdownOf(other).filter((m) => m.includes('Fulcrum'));
    assert.equal(otherText.length, 1);
    assert.ok(otherText[0].includes(`\`${PERSONALITY}\``));

    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 3));
    assert.deepEqual(
      markdownOf(none).filter((m) => m.includes('Fulcrum ·')),
      [],
      'no Fulcrum hover away from findings',
    );
  });

  test('fulcrum.scoreDocument opens the report for the active document without throwing', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(folder, 'score.md'), REVIEW);
    await openInEditor(uri);
    await waitForReview(uri);
    await vscode.commands.executeCommand('fulcrum.scoreDocument');
    // The report is a webview tab next to the document.
    await waitFor('the report tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /fulcrum/i.test(`${t.input.viewType} ${t.label}`)),
    );
  });

  test('fulcrum.scoreDocument with no editor open only informs, and does not throw', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('fulcrum.scoreDocument');
  });

  test('fulcrum.explainRule shows the rule’s explanation', async () => {
    await vscode.commands.executeCommand('fulcrum.explainRule', JARGON);
    const doc = await waitFor('the explanation document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'fulcrum-rule'));
    assert.equal(doc.uri.path, `/${JARGON}.md`);
    const text = doc.getText();
    assert.ok(text.startsWith('# Jargon where a plain word works'), text.slice(0, 80));
    assert.ok(text.includes('Open communication is vital in both management and leadership'));
    assert.ok(text.includes(`<!-- fulcrum-disable-next-line ${JARGON} -->`));
  });

  test('contributes its commands and settings', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['fulcrum.scoreDocument', 'fulcrum.scoreFolder', 'fulcrum.explainRule', 'fulcrum.applySnippetFix']) assert.ok(commands.includes(c), `${c} is registered`);
    const config = vscode.workspace.getConfiguration('fulcrum');
    assert.equal(config.inspect('enable')?.defaultValue, true);
    assert.deepEqual(config.inspect('languages')?.defaultValue, ['markdown', 'plaintext']);
    assert.equal(config.inspect('profile')?.defaultValue, 'auto');
    assert.deepEqual(config.inspect('rules')?.defaultValue, {});
    assert.equal(config.inspect('run')?.defaultValue, 'onType');
  });
});
