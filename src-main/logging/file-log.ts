import { appendFile, chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface FileLogOptions {
  file: string;
  /** A file reaching this size is rotated: `x.log` → `x.log.1` → … (default 1 MiB). */
  maxBytes?: number;
  /** How many rotated files are kept beside the current one (default 3). */
  keep?: number;
  now?: () => Date;
}

export interface FileLog {
  /** Appends one line; never throws (a log must not break the app). */
  log(line: string): void;
  /** Settles once every line logged so far is written (tests, shutdown). */
  flush(): Promise<void>;
}

/** Only the user who runs the app may read what it logs (other accounts on the machine may not). */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/**
 * A line log in the data folder, private to the user (files 0600, folder 0700, also when
 * they existed with wider modes) and bounded in size: at `maxBytes` the file is rotated and
 * the oldest of `keep` rotations dropped. Writes are queued, so lines keep their order and
 * a rotation never interleaves with an append. Callers keep personal data out of the lines
 * (see `linkScheme` in shared/contract for links).
 */
export function createFileLog(opts: FileLogOptions): FileLog {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = opts.keep ?? 3;
  const now = opts.now ?? (() => new Date());
  let size: number | null = null;
  let queue: Promise<void> = (async () => {
    await mkdir(dirname(opts.file), { recursive: true, mode: DIR_MODE });
    await chmod(dirname(opts.file), DIR_MODE).catch(() => {});
    await chmod(opts.file, FILE_MODE).catch(() => {});
  })().catch(() => {});

  async function currentSize(): Promise<number> {
    if (size === null)
      size = await stat(opts.file).then(
        (s) => s.size,
        () => 0,
      );
    return size;
  }

  async function rotate(): Promise<void> {
    await rm(`${opts.file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) await rename(`${opts.file}.${i}`, `${opts.file}.${i + 1}`).catch(() => {});
    if (keep > 0) await rename(opts.file, `${opts.file}.1`).catch(() => {});
    else await rm(opts.file, { force: true });
    size = 0;
  }

  async function write(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text);
    if ((await currentSize()) > 0 && (size ?? 0) + bytes > maxBytes) await rotate();
    // `mode` applies when the file is created; an existing file was made private above.
    await appendFile(opts.file, text, { mode: FILE_MODE });
    size = (size ?? 0) + bytes;
  }

  return {
    log(line) {
      const text = `${now().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`;
      queue = queue.then(() => write(text)).catch(() => {});
    },
    flush: () => queue,
  };
}
