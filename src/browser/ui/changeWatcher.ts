/// <reference lib="dom" />
/**
 * Tells a field session whenever the field's text or layout may have changed, however it
 * changed. A text area reports every change with an input event. Rich-text editors do not:
 * paste, undo, clearing and formatting commands go through their own models and reach the
 * page only as DOM mutations, so an editable field is watched with a MutationObserver.
 */

/** `relayout` is true when the change may have moved text without changing it (bold, a new paragraph style). */
export type ChangeListener = (relayout: boolean) => void;

export function watchChanges(element: HTMLElement, onChange: ChangeListener): () => void {
  if (element.tagName === 'TEXTAREA') {
    const onInput = () => onChange(false);
    element.addEventListener('input', onInput);
    return () => element.removeEventListener('input', onInput);
  }
  // Every mutation inside the editor: typed characters, pasted blocks, <strong> wrappers, class changes.
  const observer = new MutationObserver(() => onChange(true));
  observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'style'] });
  return () => observer.disconnect();
}
