/**
 * What a form is: metadata for routes and OpenAPI, the input it takes, and a
 * pure build function from that input to a document model.
 */
import type { z } from 'zod';
import type { Document } from '../document/model.js';
import type { Problem } from '../errors.js';

export const FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** Everything a build may need besides its input; makes builds deterministic. */
export interface FormContext {
  /** The issue time: document metadata, 填表日期 fallbacks, verification. */
  readonly now: Date;
  /** Query options of the render request, already validated by the form's `options`. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Deployment settings a form prints (watermark text …). */
  readonly settings: FormSettings;
  /** Signs a review form's verification code; present when the service has a secret. */
  readonly signer?: VerificationSigner;
}

export interface FormSettings {
  readonly watermarkText: string;
  /** Public address of the service (https://…), so a printed QR opens the verify page on a phone. */
  readonly publicBaseUrl?: string;
}

export interface VerificationSigner {
  /** Returns the serial number and the code printed on the form. */
  sign(claims: { form: string; name: string; idNumber: string; contentDigest: string; issuedAt: Date }): {
    serial: string;
    code: string;
  };
}

export interface FormDefinition<Input = any> {
  /** kebab-case id, the same in src/forms, templates, test fixtures and the URL. */
  readonly id: string;
  /** Chinese title, e.g. "推荐单位公示". */
  readonly title: string;
  readonly titleEn: string;
  /** 附件 number in the notice, or null for documents the notice lists without one. */
  readonly attachment: number | null;
  /** The first format is the default. */
  readonly formats: readonly Format[];
  readonly description: string;
  /** The request body schema (a dossier, or { unit, dossiers } for the roster). */
  readonly input: z.ZodType<Input>;
  /** Query options (e.g. review-form `copies`); absent when the form takes none. */
  readonly options?: z.ZodType<Record<string, unknown>>;
  /** Checks beyond the schema that this form needs (e.g. publicity length). */
  readonly requires?: (input: Input) => readonly Problem[];
  /** A valid sample input (served at GET /v1/forms/:id/sample). */
  readonly sample: () => unknown;
  readonly build: (input: Input, ctx: FormContext) => Document;
  /** File name without extension, readable Chinese: "附件3-个人承诺书-阿依古丽·买买提". */
  readonly fileName: (input: Input) => string;
}
