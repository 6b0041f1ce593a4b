// Where the encryption key comes from: TACTFUL_SECRET_KEY (base64 of 32 bytes), else a key
// file with mode 0600 in the data directory, created on first use. A problem with either is a
// ConfigError naming the variable or the file.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config.js';

export const SECRET_KEY_FILE = 'secret.key';

export function loadSecretKey(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): Buffer {
  const fromEnv = env.TACTFUL_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32 || key.toString('base64') !== fromEnv.trim()) {
      throw new ConfigError(
        'TACTFUL_SECRET_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
      );
    }
    return key;
  }
  const file = join(dataDir, SECRET_KEY_FILE);
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting at once never overwrite each other's key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(`${file} must be readable by you only (chmod 600 ${file})`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${file} does not hold a 32-byte base64 key`);
  return key;
}
