import type { ContentTypeEncoder, Message } from 'vscode-languageserver';

/** Each diagnostic object's JSON, made the first time it is sent (PublishedDiagnostics reuses the objects). */
const serialised = new WeakMap<object, string>();
const utf8 = new TextEncoder();

function diagnosticJson(diagnostic: object): string {
  let json = serialised.get(diagnostic);
  if (json === undefined) serialised.set(diagnostic, (json = JSON.stringify(diagnostic)));
  return json;
}

/**
 * A publishDiagnostics notification as JSON, from the diagnostics' cached JSON: a 100 KB review has
 * hundreds of findings, and after a keystroke nearly all of them are sent again unchanged.
 * Anything else, or a notification of an unexpected shape, is serialised as usual.
 */
export function messageJson(message: Message): string {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  const keys = Object.keys(message);
  const isPlainPublish = method === 'textDocument/publishDiagnostics' && keys.length === 3 && keys.includes('jsonrpc') && keys.includes('params');
  if (!isPlainPublish || !params || !Array.isArray(params.diagnostics)) return JSON.stringify(message);
  const { diagnostics, ...rest } = params as { diagnostics: object[] };
  const restJson = JSON.stringify(rest);
  const list = `"diagnostics":[${diagnostics.map(diagnosticJson).join(',')}]`;
  const paramsJson = restJson === '{}' ? `{${list}}` : `${restJson.slice(0, -1)},${list}}`;
  return `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"textDocument/publishDiagnostics","params":${paramsJson}}`;
}

/** The stdio writer's encoder: UTF-8 JSON, as the default one, with diagnostics serialised once each. */
export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => Promise.resolve(utf8.encode(messageJson(message))),
};
