/**
 * How a file is named in messages: its path inside the workspace folder that holds it, else its
 * file name. Works on URIs alone (file:, and the virtual and remote schemes of web editors), so the
 * server needs no file system to name a file.
 */
export function displayName(uri: string, folderUris: readonly string[]): string {
  for (const folder of folderUris) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (uri.startsWith(prefix)) return decode(uri.slice(prefix.length));
  }
  const path = uri.replace(/[?#].*$/, '');
  return decode(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
