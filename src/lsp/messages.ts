import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

/**
 * Tells the writer something, as a notification: window/showMessageRequest would wait for an
 * answer nobody needs to give, and some clients do not implement it at all.
 */
export function tell(connection: Connection, type: typeof MessageType.Error | typeof MessageType.Warning, message: string): void {
  connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
}
