import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules } from '../generated/builtinRules.js';
import {
  EXPLAIN_RULE_REQUEST,
  LINT_TEXT_REQUEST,
  REPORT_REQUEST,
  RULES_REQUEST,
  SCORE_REQUEST,
  type ExplainRuleReply,
  type LintTextParams,
  type LintTextReply,
  type ReportReply,
  type RequestFailure,
  type RuleSummary,
  type TextDocumentRef,
} from '../editor/lspProtocol.js';
import { sizeRefusal } from '../host/budgets.js';
import type { EngineClient } from '../host/client.js';
import { limitKindOf } from '../host/uncheckedDocuments.js';
import { ruleMarkdown } from '../report/explain.js';
import { reportData } from '../report/reportData.js';
import type { ConfigSource } from './configSource.js';
import { formatOf } from './languages.js';
import { LintFailed, type Analysis, type DocumentLinting, type WorkspaceState } from './linting.js';
import type { LintScheduler } from './scheduler.js';
import { scoreReply } from './score.js';
import type { SettingsSource } from './settings.js';

/** LSP 3.17's "the request failed" code; the error's data says why (RequestFailure). */
const REQUEST_FAILED = -32803;

export interface FulcrumRequestDeps {
  documents: TextDocuments<TextDocument>;
  linting: () => DocumentLinting;
  scheduler: LintScheduler;
  engine: EngineClient;
  settings: () => SettingsSource;
  configFiles: () => ConfigSource;
  workspace: WorkspaceState;
  displayName(uri: string): string;
}

function failed(message: string, failure: RequestFailure): ResponseError<RequestFailure> {
  return new ResponseError(REQUEST_FAILED, message, failure);
}

/** Fulcrum's requests beyond LSP (src/editor/lspProtocol.ts): score, report, one-off lints, rule pages. */
export function registerFulcrumRequests(connection: Connection, deps: FulcrumRequestDeps): void {
  /**
   * The analysis of an open document's current version. If no lint is on its way (a document
   * checked only on save, or one just opened), one starts now; one that is, is waited for, so a
   * status bar asking after every publish cannot cut a burst of typing short.
   */
  const currentAnalysis = async (params: TextDocumentRef | undefined): Promise<Analysis | ResponseError<RequestFailure>> => {
    const uri = params?.textDocument?.uri;
    const document = uri === undefined ? undefined : deps.documents.get(uri);
    if (!document) return failed(`Fulcrum: ${uri ?? 'no document'} is not open`, { reason: 'notOpen' });
    const linting = deps.linting();
    if (!linting.current(document.uri) && !linting.unchecked.get(document.uri) && !deps.scheduler.isPending(document.uri)) deps.scheduler.now(document.uri);
    try {
      return await linting.whenCurrent(document.uri);
    } catch (error) {
      return failed((error as Error).message, error instanceof LintFailed ? error.failure : { reason: 'failed' });
    }
  };

  connection.onRequest(SCORE_REQUEST, async (params: TextDocumentRef) => {
    const analysis = await currentAnalysis(params);
    return analysis instanceof ResponseError ? analysis : scoreReply(params.textDocument.uri, analysis);
  });

  connection.onRequest(REPORT_REQUEST, async (params: TextDocumentRef): Promise<ReportReply | ResponseError<RequestFailure>> => {
    const analysis = await currentAnalysis(params);
    if (analysis instanceof ResponseError) return analysis;
    const { uri } = params.textDocument;
    return { uri, version: analysis.version, data: reportData(deps.displayName(uri), analysis.result, analysis.omitted) };
  });

  connection.onRequest(LINT_TEXT_REQUEST, async (params: LintTextParams): Promise<LintTextReply | ResponseError<RequestFailure>> => {
    if (typeof params?.uri !== 'string' || typeof params.text !== 'string') return failed('fulcrum/lintText needs a uri and a text', { reason: 'failed' });
    const [{ editor, budgets }, config] = await Promise.all([deps.settings().get(params.uri), deps.configFiles().forDocument(params.uri)]);
    const refusal = sizeRefusal(params.text, budgets);
    if (refusal) return failed(refusal.message, { reason: 'overLimit' });
    try {
      const reply = await deps.engine.lint({ text: params.text, format: formatOf(params.languageId), configText: config.text, settings: editor, trusted: deps.workspace.trusted(), dismissals: deps.workspace.dismissals() });
      return { result: reply.result, omitted: reply.omitted };
    } catch (error) {
      return failed((error as Error).message, { reason: limitKindOf(error) ? 'overLimit' : 'failed' });
    }
  });

  connection.onRequest(RULES_REQUEST, (): RuleSummary[] => builtinRules.map((rule) => ({ id: rule.id, title: rule.title })));

  connection.onRequest(EXPLAIN_RULE_REQUEST, (params: { ruleId: string }): ExplainRuleReply => {
    const rule = builtinRules.find((r) => r.id === params?.ruleId);
    return { id: String(params?.ruleId), markdown: rule ? ruleMarkdown(rule) : null };
  });
}
