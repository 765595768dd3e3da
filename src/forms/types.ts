/**
 * What a form is, declared in one place: its metadata (routes, OpenAPI), the
 * input it takes (a zod schema), a pure build function from the *parsed* input
 * to a document model, and where it belongs in the paper materials: its
 * catalogue item (附件6 序号) and whether packets and batch folders hold it.
 * The registry, the routes, the OpenAPI document, the packet order and the
 * batch contents are all derived from these declarations.
 *
 * `defineForm` turns a typed declaration into the view the rest of the service
 * uses, in which the input is `unknown` until the form's schema accepted it:
 * nothing can build a form from unvalidated input without a compile error.
 */
import type { z } from 'zod';
import type { Document } from '../document/model.js';
import type { Dossier } from '../domain/dossier.js';
import { type ParseResult, parseWith } from '../domain/parse.js';
import type { Problem } from '../errors.js';
import type { VerificationSigner } from '../verify/signer.js';

export type { VerificationSigner } from '../verify/signer.js';

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

/** The notice's paper list (五（四）) has 13 items; 附件6 numbers them 1–13. */
type CatalogueItemNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13;

/** How a document made from one dossier goes into a packet or a batch folder. */
export interface Membership {
  /** Only for some applicants (附件4 only when an exemption is requested); default always. */
  readonly when?: (dossier: Dossier) => boolean;
  /** Query options the document is rendered with there (the review form prints two copies). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Pieces it counts for in the catalogue (件数); default 1. */
  readonly pieces?: number;
}

/** Packets and batch folders hold documents made from one dossier: other forms cannot declare membership. */
type DossierOnly<Input, T> = [Input] extends [Dossier] ? T : never;

/** The declaration of one form, typed by its id and its parsed input. */
export interface FormDeclaration<Id extends string, Input> {
  /** kebab-case id, the same in src/forms, templates, test fixtures and the URL. */
  readonly id: Id;
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
  /** The catalogue item the document is filed under, or null (附件6 itself, the roster). */
  readonly catalogueItem: CatalogueItemNumber | null;
  /** In every applicant's print packet (documents made from the dossier only). */
  readonly packet?: DossierOnly<Input, Membership>;
  /** In a batch: in each applicant's folder (made from the dossier), or once for the unit (the roster). */
  readonly batch?: DossierOnly<Input, Membership> | 'unit';
  /** Takes as many applicants as a batch does: its render route has the batch's body limit. */
  readonly manyApplicants?: boolean;
}

/** An input the form's schema accepted, with what can be done with it. */
export interface AcceptedInput {
  /** The parsed value as plain data (what travels to a render worker, which accepts it again). */
  readonly value: unknown;
  /** The form's own requirements beyond the schema. */
  requires(): readonly Problem[];
  build(ctx: FormContext): Document;
  fileName(): string;
}

/** Operations of a form made from one dossier, typed: packets and batches use these. */
export interface DossierOperations {
  requires(dossier: Dossier): readonly Problem[];
  fileName(dossier: Dossier): string;
}

/** A form as the service uses it: metadata, schemas, and building only through `accept`. */
export interface FormDefinition<Id extends string = string> {
  readonly id: Id;
  readonly title: string;
  readonly titleEn: string;
  readonly attachment: number | null;
  readonly formats: readonly Format[];
  readonly description: string;
  readonly input: z.ZodType;
  readonly options?: z.ZodType<Record<string, unknown>>;
  readonly sample: () => unknown;
  readonly catalogueItem: CatalogueItemNumber | null;
  readonly packet?: Membership;
  readonly batch?: Membership | 'unit';
  readonly manyApplicants?: boolean;
  /** Validates a raw value against the input schema (problems under `basePath`); what passes can be built. */
  accept(value: unknown, basePath?: string): ParseResult<AcceptedInput>;
  /** Present when the input is one dossier. */
  readonly dossier?: DossierOperations;
}

/** A typed declaration together with the service's view of it (tests may call the typed build directly). */
export type DeclaredForm<Id extends string, Input> = Omit<FormDeclaration<Id, Input>, 'packet' | 'batch'> &
  FormDefinition<Id>;

/** The service's view of a typed declaration. */
export function defineForm<const Id extends string, Input>(
  declaration: FormDeclaration<Id, Input>,
): DeclaredForm<Id, Input> {
  const bind = (input: Input): AcceptedInput => ({
    value: input,
    requires: () => declaration.requires?.(input) ?? [],
    build: (ctx) => declaration.build(input, ctx),
    fileName: () => declaration.fileName(input),
  });
  return {
    ...declaration,
    accept: (value, basePath = '') => {
      const result = parseWith(declaration.input, value, basePath);
      return result.ok ? { ok: true, value: bind(result.value) } : result;
    },
  };
}

/** A form made from one dossier: packets and batches use its typed operations without parsing again. */
export function defineDossierForm<const Id extends string>(
  declaration: FormDeclaration<Id, Dossier>,
): DeclaredForm<Id, Dossier> & { readonly dossier: DossierOperations } {
  return {
    ...defineForm(declaration),
    dossier: {
      requires: (dossier) => declaration.requires?.(dossier) ?? [],
      fileName: declaration.fileName,
    },
  };
}
