import type { ContentTypeEncoder, Message } from 'vscode-languageserver';

const utf8 = new TextEncoder();
/** Each diagnostic object's UTF-8 JSON, made the first time it is sent (PublishedDiagnostics reuses the objects). */
const encoded = new WeakMap<object, Uint8Array>();
const COMMA = utf8.encode(',');

function diagnosticBytes(diagnostic: object): Uint8Array {
  let bytes = encoded.get(diagnostic);
  if (bytes === undefined) encoded.set(diagnostic, (bytes = utf8.encode(JSON.stringify(diagnostic))));
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A message as UTF-8 JSON. A publishDiagnostics notification is put together from its
 * diagnostics' cached bytes: a 100 KB review has hundreds of findings, and after a keystroke
 * nearly all of them are sent again unchanged, so serialising and encoding the whole list again
 * (some 700 KB) was most of what the server did per keystroke besides linting. Anything else, or
 * a notification of an unexpected shape, is serialised as usual.
 */
export function messageBytes(message: Message): Uint8Array {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  const keys = Object.keys(message);
  const isPlainPublish = method === 'textDocument/publishDiagnostics' && keys.length === 3 && keys.includes('jsonrpc') && keys.includes('params');
  if (!isPlainPublish || !params || !Array.isArray(params.diagnostics)) return utf8.encode(JSON.stringify(message));
  const { diagnostics, ...rest } = params as { diagnostics: object[] };
  const restJson = JSON.stringify(rest);
  const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"textDocument/publishDiagnostics","params":${restJson === '{}' ? '{' : `${restJson.slice(0, -1)},`}"diagnostics":[`;
  const parts: Uint8Array[] = [utf8.encode(head)];
  diagnostics.forEach((diagnostic, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(diagnosticBytes(diagnostic));
  });
  parts.push(utf8.encode(']}}'));
  return concat(parts);
}

/** The stdio writer's encoder: UTF-8 JSON, as the default one, with each diagnostic serialised once. */
export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => Promise.resolve(messageBytes(message)),
};
