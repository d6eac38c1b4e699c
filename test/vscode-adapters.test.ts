import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../src/core/index.js';
import { compatibleEdits, disableDocumentEdit, disableLineEdit, findingToDiagnosticSpec, mergeConfig, readSettings, toSnippet, DEFAULT_SETTINGS } from '../src/editor/convert.js';
import { folderData, reportData } from '../src/report/reportData.js';
import { createEngineService } from '../src/host/service.js';
import { packReply, unpackReply } from '../src/host/wire.js';
import { ROOT } from './helpers.js';

describe('VS Code adapters', () => {
  describe('finding → diagnostic', () => {
    const text = 'Line one.\r\nMarco will share the plan soon 👍.';
    const finding = lint(text).findings.find((f) => f.ruleId === 'expectations/vague-time')!;
    const spec = findingToDiagnosticSpec(finding);

    it('uses 0-based lines and UTF-16 columns, CRLF included', () => {
      assert.deepEqual(spec.start, { line: 1, character: 26 });
      assert.deepEqual(spec.end, { line: 1, character: 30 });
      assert.equal(text.split('\r\n')[1].slice(spec.start.character, spec.end.character), 'soon');
    });

    it('carries the rule id, its docs link and the seed passages', () => {
      assert.equal(spec.ruleId, 'expectations/vague-time');
      assert.match(spec.docsUrl, /docs\/rules\/expectations\/vague-time\.md$/);
      assert.ok(spec.related.length >= 1 && spec.related.every((r) => /^Seed \d{3}: “.+”$/.test(r)));
      assert.equal(spec.severity, 'warning');
    });
  });

  describe('fix → snippet', () => {
    it('turns [placeholders] into numbered tab stops', () => {
      assert.deepEqual(toSnippet(' by [date]'), { snippet: ' by ${1:date}', placeholders: 1 });
      assert.deepEqual(toSnippet('[who] will [what] by [when]'), { snippet: '${1:who} will ${2:what} by ${3:when}', placeholders: 3 });
    });

    it('escapes snippet syntax in the surrounding text', () => {
      assert.deepEqual(toSnippet('costs $5 {a} \\ by [date]'), { snippet: 'costs \\$5 {a\\} \\\\ by ${1:date}', placeholders: 1 });
      assert.deepEqual(toSnippet('use'), { snippet: 'use', placeholders: 0 });
    });

    it('keeps only compatible edits for "fix all" (sorted, no overlaps, no duplicate insertions)', () => {
      const edits = compatibleEdits([
        { start: 10, end: 14, text: 'b' },
        { start: 0, end: 4, text: 'a' },
        { start: 12, end: 16, text: 'overlap' },
        { start: 20, end: 20, text: 'x' },
        { start: 20, end: 20, text: 'y' },
      ]);
      assert.deepEqual(edits.map((e) => e.text), ['a', 'b', 'x']);
    });
  });

  describe('settings → config', () => {
    it('reads settings defensively, falling back to defaults for wrong values', () => {
      const values: Record<string, unknown> = { enable: true, languages: 'markdown', profile: 'memo', rules: { 'feedback/vague-praise': 'off', 'x/y': 'loud' }, run: 'sometimes' };
      const settings = readSettings((key) => values[key] as never);
      assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { 'feedback/vague-praise': 'off' } });
    });

    it('lets the editor settings override .fulcrumrc.json, and drops custom rules and phrases when untrusted', () => {
      const custom = { id: 'clarity/custom' } as never;
      const phrases = { 'clarity/corporate-jargon': [{ text: 'approved', replacement: 'rejected' }] };
      const fileConfig = { profile: 'review' as const, rules: { 'feedback/vague-praise': 'error' as const, 'clarity/corporate-jargon': 'off' as const }, customRules: [custom], phrases };
      const settings = { ...DEFAULT_SETTINGS, profile: 'announcement' as const, rules: { 'feedback/vague-praise': 'off' as const } };
      const trusted = mergeConfig(fileConfig, settings, true);
      assert.equal(trusted.profile, 'announcement');
      assert.deepEqual(trusted.rules, { 'feedback/vague-praise': 'off', 'clarity/corporate-jargon': 'off' });
      assert.deepEqual(trusted.customRules, [custom]);
      assert.deepEqual(trusted.phrases, phrases);
      assert.equal(mergeConfig(fileConfig, settings, false).customRules, undefined);
      assert.equal(mergeConfig(fileConfig, settings, false).phrases, undefined);
      assert.equal(mergeConfig(fileConfig, DEFAULT_SETTINGS, true).profile, 'review');
    });
  });

  describe('suppression edits', () => {
    it('inserts a disable-next-line comment with the line indentation and the document line ending', () => {
      assert.deepEqual(disableLineEdit('feedback/vague-praise', 3, '  - Great job!', '\r\n'), { line: 3, text: '  <!-- fulcrum-disable-next-line feedback/vague-praise -->\r\n' });
    });

    it('puts a document-wide disable after front matter', () => {
      const text = '---\nfulcrum:\n  profile: review\n---\n# Review\n';
      const edit = disableDocumentEdit('feedback/vague-praise', text, '\n');
      assert.equal(edit.offset, text.indexOf('# Review'));
      const suppressed = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset) + 'Great job!\n';
      assert.equal(lint(suppressed).findings.filter((f) => f.ruleId === 'feedback/vague-praise').length, 0);
      assert.equal(disableDocumentEdit('x/y', 'No front matter', '\n').offset, 0);
    });
  });

  describe('report data', () => {
    const result = lint(readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8'));
    it('passes scores, nine balance dimensions, gaps and findings as plain data', () => {
      const data = reportData('<img src=x onerror=alert(1)>.md', result);
      assert.equal(data.overall, result.score.overall);
      assert.equal(data.categories.length, 10);
      assert.equal(data.balance.dimensions.length, 9);
      assert.ok(data.gaps.some((g) => g.ruleId === 'follow-up/no-check-in'));
      assert.equal(data.findings.length, result.findings.filter((f) => f.scope === 'inline').length);
      assert.equal(data.fileName, '<img src=x onerror=alert(1)>.md', 'names stay raw data: the webview renders them as text');
      assert.equal(data.scoreLines[0].kind, 'base');
      assert.equal(data.scoreLines.at(-1)!.points, String(result.score.overall), 'how the score was made ends at the score');
      assert.equal(data.scoreLines.filter((l) => l.kind === 'lost').length, result.score.deductions.filter((d) => d.points > 0).length);
    });

    it('summarises a folder with the mean score and top gaps', () => {
      const other = lint('Thanks.');
      const data = folderData('team', [{ path: 'a.md', result }, { path: 'b.md', result: other }]);
      assert.equal(data.rows.length, 2);
      assert.equal(data.mean, Math.round((result.score.overall + other.score.overall) / 2));
      assert.ok(data.rows[0].gaps.length > 0);
    });
  });

  describe('the worker wire format', () => {
    const text = readFileSync(join(ROOT, 'examples', 'review-weak.md'), 'utf8');
    const request = { text, format: 'markdown' as const, configText: null, settings: DEFAULT_SETTINGS, trusted: true };

    it('sends each rule\'s sources once and gives the client back the whole result', () => {
      const answer = createEngineService()({ id: 1, kind: 'lint', request });
      assert.ok(answer.reply, answer.error ?? 'no reply');
      const sent = JSON.stringify(answer.reply);
      const full = lint(text);
      assert.ok(sent.length < JSON.stringify(full).length * 0.8, `packed ${sent.length} vs ${JSON.stringify(full).length} characters`);
      assert.deepEqual(unpackReply(structuredClone(answer.reply)).result, full);
    });

    it('travels as JSON that gives back every example\'s result exactly (plain data: no undefined, no Map, no NaN)', () => {
      const service = createEngineService();
      for (const name of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.md'))) {
        const example = readFileSync(join(ROOT, 'examples', name), 'utf8');
        const answer = service({ id: 1, kind: 'lint', request: { ...request, text: example } });
        assert.ok(answer.reply, answer.error ?? name);
        assert.deepEqual(unpackReply(answer.reply!).result, lint(example), name);
      }
    });

    it('keeps the balance deduction\'s own reason', () => {
      const full = lint('We hit 98% uptime. The migration finished on 3 March. Owners: Ana by Friday. Dates: 12 May.');
      const back = unpackReply(structuredClone(packReply({ result: full, omitted: 0, configProblems: [] })));
      assert.ok(full.score.deductions.some((d) => d.finding < 0), 'the text is lopsided enough to lose balance points');
      assert.deepEqual(back.result.score.deductions, full.score.deductions);
    });
  });

  describe('bundles', () => {
    it('the web extension, its language server and the engine worker use no Node APIs', () => {
      for (const file of ['dist/web/extension.cjs', 'dist/web/server.js', 'dist/web/engine.js']) {
        const path = join(ROOT, file);
        assert.ok(existsSync(path), `${file} is built by npm test before the suites run`);
        const code = readFileSync(path, 'utf8');
        assert.doesNotMatch(code, /require\(["'](?:node:)?(?:fs|path|os|child_process|worker_threads|crypto|util)["']\)/, file);
      }
    });
  });
});
