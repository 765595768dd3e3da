/**
 * What the page knows about the API comes from the service itself: the
 * dossier's JSON Schema and the packet's catalogue item names from
 * /openapi.json, the forms and their formats from GET /v1/forms. Pick-lists
 * take their values from the schema (enum, or examples for free text that has
 * canonical values), so the page never keeps its own copy of a list.
 */
import { getJson } from './api.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  examples?: unknown[];
  required?: string[];
  default?: unknown;
  description?: string;
  title?: string;
  $ref?: string;
}

export interface FormSummary {
  id: string;
  title: string;
  attachment: number | null;
  formats: string[];
  description: string;
}

interface OpenApi {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}

let openApi: Promise<OpenApi> | null = null;
function loadOpenApi(): Promise<OpenApi> {
  openApi ??= getJson<OpenApi>('/openapi.json');
  return openApi;
}

export async function dossierSchema(): Promise<JsonSchema> {
  const doc = await loadOpenApi();
  const schema = doc.components.schemas.Dossier;
  if (!schema) throw new Error('服务的接口说明中没有 Dossier');
  return schema;
}

/** Catalogue items item1…item13 with the names the service gives them. */
export async function catalogueItems(): Promise<{ field: string; item: number; name: string }[]> {
  const doc = await loadOpenApi();
  const props =
    doc.paths['/v1/packets/pdf']?.post?.requestBody?.content['multipart/form-data']?.schema.properties ?? {};
  return Object.entries(props)
    .filter(([field]) => /^item\d+$/.test(field))
    .map(([field, schema]) => {
      const item = Number(field.slice(4));
      return { field, item, name: schema.title ?? `第 ${item} 项材料` };
    })
    .sort((a, b) => a.item - b.item);
}

let forms: Promise<FormSummary[]> | null = null;
export function listForms(): Promise<FormSummary[]> {
  forms ??= getJson<FormSummary[]>('/v1/forms').catch((error: unknown) => {
    forms = null;
    throw error;
  });
  return forms;
}

export async function formDetail(id: string): Promise<FormSummary & { options: JsonSchema | null }> {
  return getJson(`/v1/forms/${encodeURIComponent(id)}`);
}

/** The object variant of a nullable object schema. */
function objectOf(schema: JsonSchema): JsonSchema {
  return schema.anyOf?.find((variant) => variant.type === 'object' || variant.properties) ?? schema;
}

/** The schema of the value at a JSON pointer ("/applicant/ethnicity", "/workHistory/0/from"). */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const token of pointer.split('/').slice(1)) {
    if (!node) return undefined;
    node = objectOf(node);
    node = /^\d+$/.test(token) || token === '-' ? node.items : node.properties?.[token];
  }
  return node;
}

/** The allowed (enum) or suggested (examples) values at a pointer. */
export function choicesAt(root: JsonSchema, pointer: string): { values: string[]; strict: boolean } | null {
  const node = schemaAt(root, pointer);
  if (!node) return null;
  const variant = objectOf(node);
  if (Array.isArray(variant.enum)) return { values: variant.enum.map(String), strict: true };
  if (Array.isArray(variant.examples)) return { values: variant.examples.map(String), strict: false };
  return null;
}

/** Whether the field at a pointer is required by its parent object. */
export function isRequired(root: JsonSchema, pointer: string): boolean {
  const tokens = pointer.split('/');
  const key = tokens.pop() ?? '';
  const parent = schemaAt(root, tokens.join('/') || '');
  const object = parent ? objectOf(parent) : undefined;
  return object?.required?.includes(key) ?? false;
}
