/**
 * How every file of the data folder is read and written.
 *
 * Writing: a file is never rewritten in place. Each write goes to a temporary file in the same folder, which is
 * flushed to the disk (fsync) and then renamed over the old one (write-file-atomic does these three steps), and
 * the folder is flushed so that the rename itself is on disk. A reader, a crash, `kill -9` or a power cut
 * therefore finds the old file or the new one, never a mix or an empty file. Writes of one file never overlap:
 * changes made while a write is under way are gathered into the next one, so a burst of changes costs two writes,
 * not one per change. A change counts as saved only when a write that includes it has finished; callers wait for
 * that before they answer, so an acknowledged change survives whatever happens next.
 *
 * Reading: a file that exists but cannot be read or parsed stops the service with an error naming it. Starting
 * anyway would mean overwriting the file with defaults, destroying whatever it held.
 */
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A data file the service will not use, with what to do about it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `${file}: ${reason}. The local Cognito service stops rather than overwrite what it cannot read. ` +
        'Repair that file, move it out of the data folder (what it held will be gone), or delete the data folder to start over.',
    );
    this.name = 'DataFileError';
  }
}

/** The parsed content of a JSON file; undefined when there is no such file. Throws DataFileError otherwise. */
export async function readJsonFile(
  file: string,
  reviver?: (this: unknown, key: string, value: unknown) => unknown,
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(file, `cannot be read (${(error as Error).message})`);
  }
  // cognito-local read an empty file as an empty store and then wrote defaults over it: an empty file is what its
  // non-atomic writes left after a kill, and reading it as "nothing" lost every user of the pool.
  if (text.trim() === '') throw new DataFileError(file, 'the file is empty');
  try {
    return JSON.parse(text, reviver);
  } catch (error) {
    throw new DataFileError(file, `not valid JSON (${(error as Error).message})`);
  }
}

/** Flushes a folder's entries, so that a rename in it survives a power cut. */
export async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open a folder for syncing (EISDIR, EPERM); its renames are as durable as it makes them.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}

/** One file of the data folder, written whole and atomically from `content()`, one write at a time. */
export class DurableFile {
  /** The write that has not started yet: every change made until it starts is included in it. */
  #pending: Promise<void> | undefined;
  /** The most recent write, for flush(). */
  #latest: Promise<void> = Promise.resolve();
  #retired = false;

  constructor(
    readonly file: string,
    private readonly content: () => string,
    private readonly options: { readonly mode?: number } = {},
  ) {}

  /** Resolves once everything changed before this call is on disk; rejects if that write failed. */
  save(): Promise<void> {
    if (this.#retired) return Promise.reject(new Error(`${this.file} was deleted; it is not written again`));
    if (this.#pending) return this.#pending;
    const previous = this.#latest;
    const write = previous
      .catch(() => undefined) // a failed write does not block later ones: each writes the whole current state
      .then(() => {
        this.#pending = undefined; // changes made from now on need the next write
        return this.#write(this.content());
      });
    this.#pending = write;
    this.#latest = write;
    return write;
  }

  /** Waits for every write asked for so far; rejects if the last one failed. */
  flush(): Promise<void> {
    return this.#latest;
  }

  /** For a file about to be deleted: waits for its writes, then refuses new ones (they would bring it back). */
  async retire(): Promise<void> {
    this.#retired = true;
    await this.#latest.catch(() => undefined);
  }

  async #write(data: string): Promise<void> {
    await writeFileAtomic(this.file, data, {
      fsync: true,
      ...(this.options.mode === undefined ? {} : { mode: this.options.mode }),
    });
    await syncDirectory(dirname(this.file));
  }
}
