import { builtinRules, Linter, ParseCache, builtinRuleIds, parseConfigText, type Dismissal, type FulcrumConfig, type LintResult, type TextFormat } from '../core/index.js';
import { DEFAULT_SETTINGS, mergeConfig, type EditorSettings } from '../editor/convert.js';
import { LruMap } from './lru.js';
import { packReply, type PackedReply } from './wire.js';

/** One document to lint, with everything that decides how: config file text, settings, trust. */
export interface LintRequest {
  /** Documents linted repeatedly (open editors) pass a key, so unchanged paragraphs are not re-parsed. */
  key?: string;
  text: string;
  format: TextFormat;
  configText: string | null;
  settings: EditorSettings;
  trusted: boolean;
  /** Findings the writer dismissed as "Not an issue" (kept on their machine). */
  dismissals?: Dismissal[];
}

export interface LintReply {
  result: LintResult;
  /** Findings left out of `result.findings` (the score still counts them): see MAX_FINDINGS. */
  omitted: number;
  /** What is wrong with the config file, one line each; the valid parts still apply. */
  configProblems: string[];
}

/**
 * VS Code shows at most 1000 problems per file, and copying tens of thousands of findings
 * from the worker would block the extension host while it deserialises them. The editor
 * gets the first 1000 inline findings plus every document-level one; scores use them all.
 */
export const MAX_FINDINGS = 1000;

export function slimForEditor(result: LintResult): { result: LintResult; omitted: number } {
  if (result.findings.length <= MAX_FINDINGS) return { result, omitted: 0 };
  const keep = new Set<number>();
  result.findings.forEach((f, i) => {
    if (f.scope === 'document' || keep.size < MAX_FINDINGS) keep.add(i);
  });
  const newIndex = new Map<number, number>();
  const findings = result.findings.filter((_, i) => keep.has(i) && newIndex.set(i, newIndex.size));
  const deductions = result.score.deductions
    .filter((d) => d.finding < 0 || keep.has(d.finding))
    .map((d) => (d.finding < 0 ? d : { ...d, finding: newIndex.get(d.finding)! }));
  return { result: { ...result, findings, score: { ...result.score, deductions } }, omitted: result.findings.length - findings.length };
}

export type WorkerRequest = { id: number; kind: 'lint'; request: LintRequest } | { id: number; kind: 'forget'; key: string };
/** The reply is packed (wire.ts): clients unpack it with unpackReply. */
export type WorkerReply = { id: number; reply?: PackedReply; error?: string };

/**
 * How much the worker keeps. Parse caches: one per document being edited (evicting one only
 * costs that document a full parse on its next lint). Forgotten keys: enough to cover lints
 * still on their way when their document closed. Configs and linters: a workspace has a few
 * config files and setting combinations, not hundreds.
 */
export const CACHE_LIMITS = { parseCaches: 32, forgottenKeys: 256, configs: 8, linters: 8 };

/**
 * A short review that takes a lint through the paths a real document takes (front matter,
 * headings, a list, praise, criticism, a request with no date), so warming up on it compiles and
 * loads what the first real document would otherwise wait for.
 */
const WARM_UP_TEXT = [
  '---',
  'fulcrum:',
  '  profile: review',
  '---',
  '# Review: Sam',
  '',
  '## Strengths',
  '',
  '- Great job on the billing migration: it shipped on 3 March with no incidents.',
  '- Sam is a rockstar and always willing to help.',
  '',
  '## Areas for improvement',
  '',
  'Sam is lazy about code reviews and should utilize the checklist. I think maybe the notes were a bit late.',
  'Please send me the revised plan ASAP, and we will review it together on Friday.',
  '',
].join('\n');

export type EngineService = ((message: WorkerRequest) => WorkerReply) & {
  /** Lints a short sample with the default settings, so the first real lint finds the rules compiled. */
  warmUp(): void;
  /** What the worker holds right now (for tests and diagnostics; never document text). */
  cacheSizes(): { parseCaches: number; configs: number; linters: number; forgottenKeys: number };
  cachedKeys(): string[];
};

/**
 * The engine side of the extension. It runs in a worker (a worker thread on the desktop, a
 * web worker on the web), so the extension host never loads the NLP library (~0.7 s to
 * initialise) and never blocks on a long document.
 *
 * Whatever order lints and forgets arrive in, no parse cache outlives its document: a key
 * once forgotten is remembered as closed, and a lint that arrives for it afterwards (it was
 * sent before the close reached the sender, or it was queued behind the close) runs without
 * a cache. Callers give each opened document a fresh key, so a reopened document caches
 * again. Every cache is also bounded (LruMap), so even a caller that never forgets cannot
 * make the worker grow without end.
 */
export function createEngineService(): EngineService {
  const caches = new LruMap<string, ParseCache>(CACHE_LIMITS.parseCaches);
  const forgotten = new LruMap<string, true>(CACHE_LIMITS.forgottenKeys);
  const linters = new LruMap<string, Linter>(CACHE_LIMITS.linters);
  const configs = new LruMap<string, { config: FulcrumConfig; problems: string[] }>(CACHE_LIMITS.configs);

  const parseConfig = (text: string | null) => {
    if (text === null) return { config: {}, problems: [] };
    let parsed = configs.get(text);
    if (!parsed) {
      const { config, problems } = parseConfigText(text, builtinRuleIds);
      configs.set(text, (parsed = { config, problems: problems.map((p) => (p.path === '$' ? p.message : `${p.path}: ${p.message}`)) }));
    }
    return parsed;
  };

  const linterFor = (config: FulcrumConfig) => {
    const key = JSON.stringify(config);
    let linter = linters.get(key);
    if (!linter) linters.set(key, (linter = new Linter(builtinRules, config)));
    return linter;
  };

  const cacheFor = (key: string | undefined): ParseCache | undefined => {
    if (key === undefined || forgotten.has(key)) return undefined;
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = new ParseCache()));
    return cache;
  };

  const handle = (message: WorkerRequest): WorkerReply => {
    if (message.kind === 'forget') {
      caches.delete(message.key);
      forgotten.set(message.key, true);
      return { id: message.id };
    }
    try {
      const { key, text, format, configText, settings, trusted } = message.request;
      const { config, problems } = parseConfig(configText);
      const cache = cacheFor(key);
      const { result, omitted } = slimForEditor(linterFor(mergeConfig(config, settings, trusted)).lint(text, { format, cache, dismissals: message.request.dismissals }));
      return { id: message.id, reply: packReply({ result, omitted, configProblems: problems }) };
    } catch (error) {
      return { id: message.id, error: (error as Error).message };
    }
  };

  return Object.assign(handle, {
    warmUp: () => void handle({ id: 0, kind: 'lint', request: { text: WARM_UP_TEXT, format: 'markdown', configText: null, settings: DEFAULT_SETTINGS, trusted: true } }),
    cacheSizes: () => ({ parseCaches: caches.size, configs: configs.size, linters: linters.size, forgottenKeys: forgotten.size }),
    cachedKeys: () => [...caches.keys()],
  });
}
