import * as argon2 from 'argon2';

export { MIN_PASSWORD_LENGTH, wachtwoordBezwaar } from './wachtwoordbeleid';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown, so that a
 * failed login takes as long for an unknown account as for a wrong password.
 */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`onbekend-${Math.random()}`);
  return dummyHash;
}
