// File output of event sinks (core/publishing/sinks.ts): appends one JSON line to a file, creating the file
// and its folder when missing. Writes to one file are chained so lines never interleave.
// Owns: the file I/O. Must not: decide what is written (core/publishing does).
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SinkAppend } from '../../core/publishing/api';

export function createLineAppender(): SinkAppend {
  const queues = new Map<string, Promise<void>>();
  return (file, line) => {
    const path = resolve(file);
    const prev = queues.get(path) ?? Promise.resolve();
    const next = prev
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, `${line.replace(/\r?\n/g, ' ')}\n`, 'utf8');
      });
    queues.set(path, next);
    void next.finally(() => {
      if (queues.get(path) === next) queues.delete(path);
    }).catch(() => undefined);
    return next;
  };
}
