/**
 * Signing and checking the verification code of a review form (HMAC-SHA256,
 * Node crypto). The secret never leaves the process; a code proves it was
 * issued by a service holding that secret, for the claims it carries.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { maskName } from '../domain/derived.js';
import {
  COMMITMENT_BYTES,
  MAX_CODE_LENGTH,
  SERIAL_BYTES,
  TAG_BYTES,
  decodePayload,
  encodePayload,
  fromBase64Url,
  serialOf,
  toBase64Url,
} from './code.js';
import { sha256Hex } from './digest.js';

/** What a form's build uses to sign the verification code it prints. */
export interface VerificationSigner {
  /** Returns the serial number and the code printed on the form. */
  sign(claims: { form: string; name: string; idNumber: string; contentDigest: string; issuedAt: Date }): {
    serial: string;
    code: string;
  };
}

type VerifyResult =
  | {
      readonly valid: true;
      readonly serial: string;
      readonly form: string;
      readonly name: string;
      readonly issuedAt: Date;
    }
  | { readonly valid: false };

export type Signer = VerificationSigner & { verify(code: string): VerifyResult };

type Claims = Parameters<VerificationSigner['sign']>[0];

/** Masked names are cut to this many code points so codes stay short for the QR and the URL. */
const MAX_NAME_CODE_POINTS = 12;
const INVALID: VerifyResult = Object.freeze({ valid: false });

export function createSigner(secret: Uint8Array | string): Signer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length === 0) throw new RangeError('The verification secret must not be empty');

  const hmac = (label: string, ...parts: readonly (string | Uint8Array)[]): Buffer => {
    const mac = createHmac('sha256', key).update(label);
    // NUL-separated: none of the parts can contain NUL in a way that shifts a boundary
    // (names and ids are validated text; digests are hex).
    for (const part of parts) mac.update('\0').update(part);
    return mac.digest();
  };

  const tagOf = (payload: Uint8Array): Buffer => hmac('zc-code-v1', payload).subarray(0, TAG_BYTES);

  return {
    sign(claims: Claims) {
      const issuedAt = Math.floor(claims.issuedAt.getTime() / 1000);
      if (!Number.isInteger(issuedAt) || issuedAt < 0 || issuedAt > 0xffffffff)
        throw new RangeError('issuedAt out of range');
      // The serial and the commitment are keyed digests of every claim (full name,
      // SHA-256 of the ID number, content digest), so the same input at the same
      // time always gets the same serial, and the code binds data it does not reveal.
      const bound = hmac(
        'zc-claims-v1',
        claims.form,
        claims.name,
        sha256Hex(claims.idNumber),
        claims.contentDigest,
        String(issuedAt),
      );
      const serialBits = bound.subarray(0, SERIAL_BYTES);
      const payload = encodePayload({
        issuedAt,
        serialBits,
        commitment: bound.subarray(SERIAL_BYTES, SERIAL_BYTES + COMMITMENT_BYTES),
        form: claims.form,
        name: Array.from(maskName(claims.name)).slice(0, MAX_NAME_CODE_POINTS).join(''),
      });
      const code = toBase64Url(Buffer.concat([payload, tagOf(payload)]));
      return { serial: serialOf(claims.form, issuedAt, serialBits), code };
    },

    verify(code: string): VerifyResult {
      try {
        if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH) return INVALID;
        const bytes = fromBase64Url(code);
        if (!bytes || bytes.length <= TAG_BYTES) return INVALID;
        const payloadBytes = bytes.subarray(0, bytes.length - TAG_BYTES);
        const tag = bytes.subarray(bytes.length - TAG_BYTES);
        if (!timingSafeEqual(tag, tagOf(payloadBytes))) return INVALID;
        const payload = decodePayload(payloadBytes);
        if (!payload) return INVALID;
        return {
          valid: true,
          serial: serialOf(payload.form, payload.issuedAt, payload.serialBits),
          form: payload.form,
          name: payload.name,
          issuedAt: new Date(payload.issuedAt * 1000),
        };
      } catch {
        return INVALID;
      }
    },
  };
}

/**
 * Key rotation: new codes are signed with `current`; a code signed with
 * `previous` (the secret before the rotation) still verifies, so forms printed
 * before the change stay checkable while both secrets are configured.
 */
export function createRotatingSigner(current: Uint8Array | string, previous?: Uint8Array | string): Signer {
  const now = createSigner(current);
  if (previous === undefined || previous.length === 0) return now;
  const before = createSigner(previous);
  return {
    sign: (claims) => now.sign(claims),
    verify(code) {
      const result = now.verify(code);
      return result.valid ? result : before.verify(code);
    },
  };
}

export interface WarnLogger {
  warn(message: string): void;
}

/**
 * The signer for the configured secret. Without one, a random secret is made
 * for this process (codes stop verifying after a restart), with a warning.
 */
export function signerFromConfig(secret?: string, log?: WarnLogger): Signer {
  if (secret !== undefined && secret.length > 0) return createSigner(secret);
  log?.warn('No verification secret configured: using a random one; review-form codes will not verify after a restart');
  return createSigner(randomBytes(32));
}
