import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { RequestFailure } from '../editor/lspProtocol.js';

/** A Fulcrum request the server refused, with its reason (see RequestFailure). */
export interface ServerRefusal {
  message: string;
  reason: RequestFailure['reason'];
}

/** The reason a request failed, or 'failed' when the server gave none (or the connection broke). */
export function refusalOf(error: unknown): ServerRefusal {
  const data = (error as { data?: Partial<RequestFailure> } | undefined)?.data;
  return { message: (error as Error)?.message ?? String(error), reason: data?.reason ?? 'failed' };
}

/** Sends a request; the reply, or the server's refusal. */
export async function ask<R>(client: BaseLanguageClient, method: string, params: unknown): Promise<{ reply: R } | { refusal: ServerRefusal }> {
  try {
    return { reply: await client.sendRequest<R>(method, params) };
  } catch (error) {
    return { refusal: refusalOf(error) };
  }
}

/** The reference to an open document the server knows it by. */
export function documentRef(client: BaseLanguageClient, document: vscode.TextDocument): { textDocument: { uri: string } } {
  return { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
}
