import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { writePrivateFileSync } from '../private-file';

/** Holds the CRM token (HubSpot) encrypted at rest. The token never leaves main. */
export interface SecretStore {
  get(): string | null;
  set(token: string | null): void;
}

export const SECRET_FILE = 'credentials.bin';

/**
 * The token is encrypted with the OS keychain (safeStorage) and written to
 * `<data-dir>/credentials.bin`. It is never logged, and error messages never include it.
 * Failures throw: a token that cannot be read back or stored safely must surface to the
 * user, not silently turn into "not connected".
 */
export function createSecretStore(deps: {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  dataDir: string;
  platform?: NodeJS.Platform;
  /** Another file in `dataDir` (a kept portal's credential); `credentials.bin` when absent. */
  file?: string;
}): SecretStore {
  const file = join(deps.dataDir, deps.file ?? SECRET_FILE);
  return {
    get() {
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      try {
        return deps.safeStorage.decryptString(encrypted);
      } catch (err) {
        throw new Error(`The saved CRM credentials could not be decrypted (${String(err)}); connect the CRM again.`, { cause: err });
      }
    },
    set(token) {
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      // Refuse rather than fall back to plain text.
      if (!deps.safeStorage.isEncryptionAvailable()) {
        throw new Error('Secure storage is not available on this system, so the CRM token cannot be saved.');
      }
      // On Linux without a keyring Chromium "encrypts" with a key written in its own source
      // (backend basic_text): as good as plain text, so it is refused too.
      if ((deps.platform ?? process.platform) === 'linux' && deps.safeStorage.getSelectedStorageBackend() === 'basic_text') {
        throw new Error(
          'This computer has no keyring, so the CRM token would be kept as plain text and is not saved. Install and unlock one (GNOME Keyring or KWallet), then connect again.',
        );
      }
      // Write then rename (0600), so a crash mid-write never leaves a truncated file behind.
      writePrivateFileSync(file, deps.safeStorage.encryptString(token));
    },
  };
}
