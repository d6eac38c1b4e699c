/**
 * Fulcrum's own messages on top of LSP, shared by the language server (src/lsp) and the VS Code
 * client (src/vscode), which must not import each other. Plain data only: both sides run on
 * Node and in web workers.
 */
import type { Dismissal } from '../core/dismissals.js';
import type { LintResult, Profile, Score } from '../core/types.js';
import type { ReportData } from '../report/reportData.js';

export interface TextDocumentRef {
  textDocument: { uri: string };
}

/** `fulcrum/score`: the score of an open document, for a status bar. */
export const SCORE_REQUEST = 'fulcrum/score';

export interface ScoreReply {
  uri: string;
  /** The document version the score is for. */
  version: number;
  profile: Profile;
  /** How the profile was decided: set (front matter, config, settings), detected, or unsure. */
  profileSource: 'set' | 'detected' | 'unsure';
  /** "review", or "review (guessed)": how every surface names the kind of text. */
  profileLabel: string;
  /** 0–100 with its credits, deductions, category sub-scores and the leadership/management balance. */
  score: Score;
}

/** `fulcrum/report`: what the score report of an open document shows. */
export const REPORT_REQUEST = 'fulcrum/report';

export interface ReportReply {
  uri: string;
  version: number;
  data: ReportData;
}

/**
 * `fulcrum/lintText`: one text linted once, with the configuration that applies at `uri`
 * (a folder being scored, or a document Fulcrum does not check as you type). Nothing is kept.
 */
export const LINT_TEXT_REQUEST = 'fulcrum/lintText';

export interface LintTextParams {
  uri: string;
  languageId: string;
  text: string;
}

export interface LintTextReply {
  result: LintResult;
  /** Findings left out of `result.findings` (the score counts them). */
  omitted: number;
}

/** `fulcrum/rules`: the built-in rules, for a picker. `fulcrum/explainRule`: one rule's page. */
export const RULES_REQUEST = 'fulcrum/rules';
export const EXPLAIN_RULE_REQUEST = 'fulcrum/explainRule';

export interface RuleSummary {
  id: string;
  title: string;
}

export interface ExplainRuleReply {
  id: string;
  /** Null when there is no such rule. */
  markdown: string | null;
}

/**
 * Server → client `fulcrum/configFile`: the `.fulcrumrc.json` that applies to a document, read by
 * the client (it can read virtual and remote workspaces, which the server cannot). Asked only of
 * clients that offer it (InitializationOptions.configFilesFromClient).
 */
export const CONFIG_FILE_REQUEST = 'fulcrum/configFile';

export interface ConfigFileReply {
  /** The config file found, or null. */
  uri: string | null;
  text: string | null;
}

/** Client → server: the config files the client reads have changed; documents are checked again. */
export const CONFIG_FILES_CHANGED_NOTIFICATION = 'fulcrum/configFilesChanged';

/** Client → server: the findings the writer dismissed ("Not an issue"), all of them each time. */
export const SET_DISMISSALS_NOTIFICATION = 'fulcrum/setDismissals';

export interface SetDismissalsParams {
  dismissals: Dismissal[];
}

/** Client → server: the workspace became trusted (custom rules and phrases in config files apply). */
export const SET_TRUSTED_NOTIFICATION = 'fulcrum/setTrusted';

export interface SetTrustedParams {
  trusted: boolean;
}

/** Commands the VS Code client runs itself; the server offers actions that use them only to clients that say so. */
export const CLIENT_COMMANDS = {
  /** Arguments: the document URI, the start and end offsets, the snippet, the document version. */
  applySnippetFix: 'fulcrum.applySnippetFix',
  /** Arguments: the rule id. */
  explainRule: 'fulcrum.explainRule',
  /** Arguments: the Dismissal to remember. */
  dismissFinding: 'fulcrum.dismissFinding',
} as const;

export type ClientCommand = (typeof CLIENT_COMMANDS)[keyof typeof CLIENT_COMMANDS];

/** What a client may say in `initializationOptions`, besides `{ fulcrum: settings }`. */
export interface InitializationOptions {
  fulcrum?: unknown;
  /** Commands of CLIENT_COMMANDS the client runs. */
  clientCommands?: ClientCommand[];
  /** The client answers `fulcrum/configFile` (else the server reads config files from disk, where it can). */
  configFilesFromClient?: boolean;
  /** Findings dismissed before this session. */
  dismissals?: Dismissal[];
  /** False in an untrusted workspace: custom rules and phrases from config files are not loaded. */
  trusted?: boolean;
}

/**
 * Why a Fulcrum request failed, in the error's `data`: the document is not one Fulcrum checks
 * (settings), it is over a size or time budget, or it is not open (closed meanwhile).
 */
export type RequestFailure = { reason: 'notChecked' } | { reason: 'overLimit' } | { reason: 'notOpen' } | { reason: 'failed' };
