import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFileSync } from '../../../src-main/private-file';

/** The write-then-rename of the host's private files (connection, credentials, HubSpot address). */
describe('writePrivateFileSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csw-private-file-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the missing folder and writes the data, leaving no .tmp behind', () => {
    const file = join(dir, 'a', 'b', 'settings.json');
    writePrivateFileSync(file, '{"x":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"x":1}\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['settings.json']);
  });

  it('writes bytes as given', () => {
    const file = join(dir, 'credentials.bin');
    writePrivateFileSync(file, Buffer.from([0, 1, 2, 255]));
    expect([...readFileSync(file)]).toEqual([0, 1, 2, 255]);
  });

  it.skipIf(process.platform === 'win32')('leaves the file readable by the user only (0600), also over a wider old file', () => {
    const file = join(dir, 'connection.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    writePrivateFileSync(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps the old content whole when the write fails', () => {
    const file = join(dir, 'connection.json');
    writeFileSync(file, 'old');
    // The temporary file cannot be written: a folder is in its place.
    mkdirSync(`${file}.tmp`);
    expect(() => writePrivateFileSync(file, 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('throws, writing nothing, when the folder path is a file', () => {
    const folder = join(dir, 'data');
    writeFileSync(folder, 'not a folder');
    expect(() => writePrivateFileSync(join(folder, 'connection.json'), 'new')).toThrow();
    expect(readFileSync(folder, 'utf8')).toBe('not a folder');
    expect(readdirSync(dir)).toEqual(['data']);
  });
});
