/**
 * cognito-local's data store (clients.json and one <poolId>.json per pool), replacing its StormDB store, which
 * rewrote a whole file with overlapping, unordered `fs.writeFile` calls: concurrent changes left invalid JSON,
 * a kill during a write left an empty file that the next start took for an empty pool, and a start that could not
 * parse one file stopped with other files half-written. Here every file is a DurableFile (atomic, serialized
 * writes; set() and delete() resolve once the change is on disk) and an unreadable file stops the start untouched.
 *
 * The files keep StormDB's format (JSON indented by two spaces, `…Date` fields as ISO strings), so existing data
 * folders load as they are. Values are kept in memory and handed out by reference, as StormDB did: cognito-local
 * is written against that behaviour.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory.js';
import { DataFileError, DurableFile, readJsonFile } from './durable-file.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** cognito-local's convention: fields named `…Date` are Dates in memory and ISO strings on disk. */
function writeDates(this: unknown, key: string, value: unknown): unknown {
  const raw = isObject(this) ? this[key] : undefined;
  return key.endsWith('Date') && raw instanceof Date ? raw.toISOString() : value;
}

function reviveDates(key: string, value: unknown): unknown {
  if (!key.endsWith('Date')) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return new Date(Date.parse(value));
  return value;
}

const path = (key: string | string[]): string[] => (Array.isArray(key) ? key : [key]);

export class JsonFileDataStore implements DataStore {
  readonly #file: DurableFile;

  constructor(
    private readonly root: Json,
    file: string,
  ) {
    this.#file = new DurableFile(file, () => `${JSON.stringify(this.root, writeDates, 2)}`);
  }

  async getRoot<T>(_ctx: Context): Promise<T | null> {
    return this.root as T;
  }

  get<T>(ctx: Context, key: string | string[]): Promise<T | null>;
  get<T>(ctx: Context, key: string | string[], defaultValue: T): Promise<T>;
  async get<T>(_ctx: Context, key: string | string[], defaultValue?: T): Promise<T | null> {
    let node: unknown = this.root;
    for (const k of path(key)) {
      if (!isObject(node)) return defaultValue ?? null;
      node = node[k];
    }
    return (node as T | undefined) ?? defaultValue ?? null;
  }

  /** Resolves once the change is on disk. */
  async set<T>(_ctx: Context, key: string | string[], value: T): Promise<void> {
    const keys = path(key);
    let node = this.root;
    for (const k of keys.slice(0, -1)) {
      const next = node[k];
      if (isObject(next)) node = next;
      else node = node[k] = {};
    }
    node[keys[keys.length - 1]!] = value;
    await this.#file.save();
  }

  /** Resolves once the change is on disk. */
  async delete(_ctx: Context, key: string | string[]): Promise<void> {
    const keys = path(key);
    let node: unknown = this.root;
    for (const k of keys.slice(0, -1)) node = isObject(node) ? node[k] : undefined;
    if (isObject(node)) delete node[keys[keys.length - 1]!];
    await this.#file.save();
  }

  save(): Promise<void> {
    return this.#file.save();
  }

  flush(): Promise<void> {
    return this.#file.flush();
  }

  retire(): Promise<void> {
    return this.#file.retire();
  }
}

export class JsonFileDataStoreFactory implements DataStoreFactory {
  readonly #stores = new Map<string, JsonFileDataStore>();

  constructor(private readonly directory: string) {}

  /** The store of `<id>.json`: its content when the file exists, else `defaults`, written before this resolves. */
  async create(_ctx: Context, id: string, defaults: object): Promise<DataStore> {
    const file = join(this.directory, `${id}.json`);
    const content = await readJsonFile(file, reviveDates);
    if (content !== undefined && !isObject(content)) throw new DataFileError(file, 'it holds no JSON object');
    // As StormDB did: a missing file or `{}` takes the defaults. The file must exist before the caller goes on,
    // since a pool exists after a restart only if its file does.
    const fresh = content === undefined || Object.keys(content).length === 0;
    const store = new JsonFileDataStore(fresh ? (defaults as Json) : content, file);
    if (fresh) {
      await mkdir(this.directory, { recursive: true });
      await store.save();
    }
    this.#stores.set(id, store);
    return store;
  }

  /** Waits until every change made so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.#stores.values()].map((store) => store.flush()));
  }

  /** Before `<id>.json` is deleted: lets its writes finish and stops new ones, which would recreate it. */
  async retire(id: string): Promise<void> {
    const store = this.#stores.get(id);
    this.#stores.delete(id);
    await store?.retire();
  }
}
