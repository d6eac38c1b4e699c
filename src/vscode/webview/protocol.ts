/** The messages the report webviews send back to the extension (the data they show is src/report/reportData.ts). */
export type WebviewMessage = { type: 'ready' } | { type: 'reveal'; offset: number; end: number } | { type: 'open'; path: string } | { type: 'export' };
