/** Where each rule's documentation page lives (docs/rules/<id>.md, generated from the rule files). */
export const DOCS_BASE_URL = 'https://github.com/fulcrum-writing/fulcrum/blob/main/docs/rules/';

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
