import { profileLabel } from '../core/profileLabel.js';
import type { ScoreReply } from '../editor/lspProtocol.js';
import type { Analysis } from './linting.js';

export { SCORE_REQUEST, type ScoreReply } from '../editor/lspProtocol.js';

export function scoreReply(uri: string, analysis: Analysis): ScoreReply {
  const { result } = analysis;
  return { uri, version: analysis.version, profile: result.profile, profileSource: result.profileSource, profileLabel: profileLabel(result), score: result.score };
}
