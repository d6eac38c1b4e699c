import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { TextFormat } from '../core/index.js';

/** What the CLI lints: folders recurse over these extensions. */
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);
/**
 * Bigger files are refused rather than hanging a CI job. Linting takes about 150 bytes of memory
 * per byte of text and 2.5 s per MB (`npm run bench`): 2 MB is ~400 MB and ~5 s. A review, 1:1
 * note or announcement is a few kilobytes; the editor and the browser use the same limit.
 */
export const MAX_BYTES = 2 * 1024 * 1024;

export class InputError extends Error {}

export function formatOf(path: string): TextFormat {
  return extname(path).toLowerCase() === '.txt' ? 'text' : 'markdown';
}

function walk(folder: string, into: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (DOCUMENT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) into.push(path);
  }
}

/** An input that named nothing to lint, kept apart from its reason: file names may contain ":". */
export interface InputProblem {
  input: string;
  reason: string;
}

export interface Expansion {
  files: string[];
  errors: InputProblem[];
}

/** Expands paths, folders and globs into document files, in a stable order, without duplicates. */
export function expandInputs(inputs: string[], cwd = process.cwd()): Expansion {
  const files: string[] = [];
  const errors: InputProblem[] = [];
  for (const input of inputs) {
    if (/[*?[\]{}]/.test(input)) {
      const matches = globSync(input, { cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] }).sort();
      if (matches.length === 0) errors.push({ input, reason: 'no files match this pattern' });
      files.push(...matches);
      continue;
    }
    const path = resolve(cwd, input);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const reason = fsReason(error);
      errors.push({ input, reason: reason === 'no such file' ? 'no such file or folder' : reason });
      continue;
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(path, found);
      if (found.length === 0) errors.push({ input, reason: 'no .md, .markdown or .txt files in this folder' });
      files.push(...found);
    } else files.push(path);
  }
  return { files: [...new Set(files)], errors };
}

export interface ReadDocument {
  text: string;
  hadBom: boolean;
}

/** Decodes document bytes, refusing binary and non-UTF-8 content with a one-line reason. */
export function decodeDocument(bytes: Uint8Array): ReadDocument {
  if (bytes.length > MAX_BYTES) throw new InputError(tooLarge(bytes.length, MAX_BYTES));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('is UTF-16 text; save it as UTF-8 and try again');
  }
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new InputError('looks like a binary file (it contains NUL bytes), not text');
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text, so we can tell it was there and `--fix` can write it back.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError('is not valid UTF-8 text; save it as UTF-8 and try again');
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { text: hadBom ? text.slice(1) : text, hadBom };
}

/** A file-system error in a few words, for a one-line message. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'is a symbolic link that leads back to itself (a loop)';
  if (code === 'ENAMETOOLONG') return 'has a name too long for the file system';
  return (error as Error).message;
}

/** What a path is, in words, when it is not a file that can be read. */
function specialKind(stats: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (stats.isDirectory()) return 'is a folder';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a file; only regular files are read';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file; only regular files are read';
  if (stats.isSocket()) return 'is a socket, not a file; only regular files are read';
  return 'is not a regular file';
}

/**
 * Reads a regular file of at most `maxBytes`, and nothing else. Opened without blocking (a named
 * pipe would otherwise wait forever for a writer), checked with fstat before a byte is read (a
 * link to /dev/zero is a device, a huge file is refused by its size), and read with a cap in case
 * the file grows while it is read.
 */
export function readRegularFile(path: string, maxBytes = MAX_BYTES): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(fsReason(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(specialKind(stats));
    if (stats.size > maxBytes) throw new InputError(tooLarge(stats.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new InputError(tooLarge(total, maxBytes));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(fsReason(error));
  } finally {
    closeSync(fd);
  }
}

function tooLarge(bytes: number, maxBytes: number): string {
  return `too large (${(bytes / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)`;
}

export function readDocument(path: string): ReadDocument {
  return decodeDocument(readRegularFile(path));
}

/** Writes fixed text back, with the BOM the file had; a file that cannot be written is an input error, not a crash. */
export function writeDocument(path: string, text: string, hadBom: boolean): void {
  try {
    writeFileSync(path, (hadBom ? '\uFEFF' : '') + text);
  } catch (error) {
    throw new InputError(`cannot write the fixes (${fsReason(error)})`);
  }
}

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}
