// Opening the SQLite database: the only file that loads the better-sqlite3 native module, its pragmas, and
// the numbered schema migrations (migrations/NNN-*.ts), applied in order inside one transaction each with
// `PRAGMA user_version` recording the last one, so opening an up-to-date database does nothing.
// Owns: the error a user sees when the native module cannot load (a desktop Electron built against a
// different ABI). Must not: hold queries (the *-store.ts files do); released migrations are never edited.
import Database from 'better-sqlite3';
import * as m001 from './migrations/001-initial';
import * as m002 from './migrations/002-search-addresses';
import * as m003 from './migrations/003-ses-state';
import * as m004 from './migrations/004-templates';
import * as m005 from './migrations/005-sns';
import * as m006 from './migrations/006-publishing';
import * as m007 from './migrations/007-tracking-links';
import * as m008 from './migrations/008-contacts';
import * as m009 from './migrations/009-event-mail-override';
import * as m010 from './migrations/010-metrics';
import * as m011 from './migrations/011-dedicated-ips';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/NODE_MODULE_VERSION|was compiled against|\.node|bindings/i.test(msg)) {
      throw new Error(
        `Sesame could not load its SQLite module (better-sqlite3) in this runtime: ${msg}\n` +
          'If this is an Electron build, rebuild the module for it: `npx @electron/rebuild -f -w better-sqlite3`.',
        { cause: err },
      );
    }
    throw err;
  }
  // WAL + synchronous=NORMAL: a commit is appended to the WAL with write(2) before the call returns, so it
  // is in the OS page cache and survives the process being killed (kill -9, a crash). Only a power loss or
  // OS crash can lose the last commits (fsync happens at checkpoints), and the database never corrupts.
  // That is the promise DESIGN.md makes ("nothing acknowledged is lost on a crash"). synchronous=FULL would
  // fsync every acknowledged message: measured 172 µs vs 75 µs wall per accept commit on this machine's
  // fast storage, and an fsync costs milliseconds on many laptop disks. test/unit/core/durability.test.ts
  // kills a writer with SIGKILL and checks every acknowledged message is there.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  // 32 MB page cache: keeps the summary b-tree and the search index hot at 100k messages.
  db.pragma('cache_size = -32768');
  return db;
}

interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  if (current > latest) {
    throw new Error(`This database has schema version ${current}; this Sesame knows up to ${latest}. Use a newer Sesame or another data directory.`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
