/**
 * The grantor's signing key: Ed25519 through Node's crypto. Keys are PEM files (SPKI for the public
 * key, PKCS#8 for the private one); the fingerprint is the SHA-256 of the raw 32-byte public key,
 * printed in groups of four hex digits so that two people can read it to each other over the phone
 * and compare it with the one printed on the signed BAST.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface KeyPairPem {
  publicKey: string;
  privateKey: string;
}

export function generateSigningKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export class KeyError extends Error {
  override readonly name = 'KeyError';
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyError(`${what} is a ${String(key.asymmetricKeyType)} key, not Ed25519`);
  return key;
}

export function parsePublicKey(pem: string): KeyObject {
  try {
    return ed25519(createPublicKey({ key: pem, format: 'pem' }), 'the public key');
  } catch (err) {
    if (err instanceof KeyError) throw err;
    throw new KeyError('not a PEM public key');
  }
}

export function parsePrivateKey(pem: string): KeyObject {
  try {
    return ed25519(createPrivateKey({ key: pem, format: 'pem' }), 'the private key');
  } catch (err) {
    if (err instanceof KeyError) throw err;
    throw new KeyError('not a PEM private key (or one protected by a passphrase)');
  }
}

/** The public half of a private key, as PEM. */
export function publicKeyOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** The raw 32 bytes of an Ed25519 public key (the last 32 bytes of its SPKI DER). */
function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** `SHA256:1a2b 3c4d …` (16 groups of four hex digits). */
export function fingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? parsePublicKey(publicKey) : publicKey;
  const hex = createHash('sha256').update(rawPublicKey(key)).digest('hex');
  return `SHA256:${hex.match(/.{4}/g)!.join(' ')}`;
}

/** Spaces, case and the `SHA256:` prefix do not matter when a person types a fingerprint back. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/^sha256:/i, '').replace(/[\s:]/g, '').toLowerCase();
  return norm(a) === norm(b);
}

/** Base64 Ed25519 signature of `message` (deterministic, RFC 8032), with a trailing newline. */
export function signBytes(message: Uint8Array, privateKey: KeyObject): string {
  return sign(null, message, privateKey).toString('base64') + '\n';
}

export function verifyBytes(message: Uint8Array, signature: string, publicKey: KeyObject): boolean {
  const text = signature.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 64) return false;
  return verify(null, message, publicKey, bytes);
}

/** The first PEM public key block in a text (the handover document carries one). */
export function findPublicKeyPem(text: string): string | undefined {
  const m = /-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END PUBLIC KEY-----/.exec(text);
  return m ? m[0] + '\n' : undefined;
}
