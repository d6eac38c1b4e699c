import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver';
import { CLIENT_COMMANDS, type ClientCommand, type InitializationOptions } from '../editor/lspProtocol.js';

/** What the connected editor said it can do, reduced to the questions the server asks. */
export interface ClientFeatures {
  /** Settings are pulled with workspace/configuration (else they arrive with didChangeConfiguration). */
  configurationPull: boolean;
  /** The client takes a registration for didChangeConfiguration (then it notifies us of `fulcrum` changes). */
  registersConfigurationChanges: boolean;
  /** The client has workspace folders and tells us when they change. */
  workspaceFolders: boolean;
  /** The client watches files for us once asked (workspace/didChangeWatchedFiles, registered dynamically). */
  watchesFiles: boolean;
  /** Workspace edits may name the document version they were made for (TextDocumentEdit). */
  versionedEdits: boolean;
  /** Workspace edits may hold snippets (LSP 3.18 SnippetTextEdit): `by [date]` becomes a tab stop. */
  snippetEdits: boolean;
  /** Hovers may be Markdown. */
  markdownHover: boolean;
  /** Diagnostics may carry related information (the seed passages) and a link for their code. */
  diagnostics: DiagnosticFeatures;
  /** Fulcrum commands the client runs itself (the VS Code extension): actions may use them. */
  clientCommands: ReadonlySet<ClientCommand>;
}

export interface DiagnosticFeatures {
  relatedInformation: boolean;
  codeDescription: boolean;
}

const KNOWN_COMMANDS = new Set<string>(Object.values(CLIENT_COMMANDS));

export function clientFeaturesOf(capabilities: ClientCapabilities, init: InitializationOptions = {}): ClientFeatures {
  const clientCommands = new Set((Array.isArray(init.clientCommands) ? init.clientCommands : []).filter((c): c is ClientCommand => KNOWN_COMMANDS.has(c)));
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  const versionedEdits = workspaceEdit?.documentChanges === true;
  return {
    configurationPull: capabilities.workspace?.configuration === true,
    registersConfigurationChanges: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: capabilities.workspace?.workspaceFolders === true,
    watchesFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    versionedEdits,
    // A snippet edit can only travel inside a TextDocumentEdit.
    snippetEdits: versionedEdits && workspaceEdit?.snippetEditSupport === true,
    markdownHover: capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false,
    // Each is a good share of a diagnostic's size, and a 100 KB review has hundreds: sent to clients that show them.
    diagnostics: {
      relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
      codeDescription: capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true,
    },
    clientCommands,
  };
}
