import type { TextDocumentIdentifier } from 'vscode-languageserver';
import { profileLabel } from '../core/profileLabel.js';
import type { Profile, Score } from '../core/types.js';
import type { Analysis } from './linting.js';

/** `fulcrum/score`: the score of an open document, for a status bar or a report. */
export const SCORE_REQUEST = 'fulcrum/score';

export interface ScoreParams {
  textDocument: TextDocumentIdentifier;
}

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

export function scoreReply(uri: string, analysis: Analysis): ScoreReply {
  const { result } = analysis;
  return { uri, version: analysis.version, profile: result.profile, profileSource: result.profileSource, profileLabel: profileLabel(result), score: result.score };
}
