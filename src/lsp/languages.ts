import type { TextFormat } from '../core/types.js';
import type { EditorSettings } from '../editor/convert.js';

/**
 * Editors name plain text differently: VS Code and the LSP spec say "plaintext", Neovim and
 * Helix send their file type, "text". Both count as "plaintext" in `fulcrum.languages`.
 */
function canonicalLanguage(languageId: string): string {
  return languageId === 'text' ? 'plaintext' : languageId;
}

export function isChecked(languageId: string, settings: EditorSettings): boolean {
  return settings.enable && settings.languages.includes(canonicalLanguage(languageId));
}

export function formatOf(languageId: string): TextFormat {
  return languageId === 'markdown' ? 'markdown' : 'text';
}
