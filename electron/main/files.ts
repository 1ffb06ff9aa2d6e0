/**
 * Reading and writing documents. Saves are atomic (temp file in the same folder, flushed, then renamed
 * over the target) so a crash or full disk never leaves a half-written script; and a save first checks
 * that the file on disk is still the one the user opened, so an outside edit is not silently lost.
 */
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import type { FileStamp, OpenedDocument } from "../../contracts/api";
import { UserFacingError } from "./errors";
import { isMissingFileError, type FileSystem } from "./fs-port";

/** Scripts and scenarios are small; anything larger is almost certainly the wrong file. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function stampOf(bytes: Uint8Array, mtimeMs: number): FileStamp {
  return { mtimeMs, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export function sameContent(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.sha256 === b.sha256;
}

export async function readDocument(fs: FileSystem, filePath: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<OpenedDocument> {
  let info;
  try {
    info = await fs.stat(filePath);
  } catch (error) {
    if (isMissingFileError(error)) throw new UserFacingError(`${filePath} no longer exists.`);
    throw error;
  }
  if (!info.isFile()) throw new UserFacingError(`${filePath} is not a file.`);
  if (info.size > maxBytes) throw new UserFacingError(`${filePath} is larger than ${Math.round(maxBytes / 1048576)} MB.`);
  const bytes = await fs.readFile(filePath);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return { path: filePath, name: path.basename(filePath), text, stamp: stampOf(bytes, info.mtimeMs) };
}

/** The stamp of what is on disk now, or null when the file does not exist. */
export async function currentStamp(fs: FileSystem, filePath: string): Promise<FileStamp | null> {
  try {
    const info = await fs.stat(filePath);
    const bytes = await fs.readFile(filePath);
    return stampOf(bytes, info.mtimeMs);
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
}

/**
 * True when the disk no longer holds what `expected` describes. Only content counts: a touch that
 * changes mtime but not bytes is not worth interrupting the user for.
 */
export async function changedOnDisk(fs: FileSystem, filePath: string, expected: FileStamp | null): Promise<boolean> {
  if (expected === null) return false;
  const now = await currentStamp(fs, filePath);
  return now === null || !sameContent(now, expected);
}

/** Writes `text` to `filePath` atomically and returns the new stamp. */
export async function writeFileAtomically(fs: FileSystem, filePath: string, text: string): Promise<FileStamp> {
  const dir = path.dirname(filePath);
  const temp = path.join(dir, `.${path.basename(filePath)}.${randomBytes(6).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(filePath)).mode & 0o777;
  } catch (error) {
    if (!isMissingFileError(error)) throw error;
  }
  try {
    await fs.writeNewFileDurably(temp, text, mode);
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw new UserFacingError(`Could not save ${filePath}: ${(error as Error).message}. The file on disk was not changed.`);
  }
  const info = await fs.stat(filePath);
  return stampOf(new TextEncoder().encode(text), info.mtimeMs);
}
