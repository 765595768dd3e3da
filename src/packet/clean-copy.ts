/**
 * Copies objects from an uploaded PDF into a fresh one, keeping what draws a
 * page and nothing that acts: an allow-by-shape copier.
 *
 * Entries that carry behaviour (actions, JavaScript, annotations, form
 * fields, attachments, XFA, names trees) are dropped, and so is any object
 * that is itself a page, an annotation, an action, a file specification or an
 * embedded file: a resource dictionary that points at one (an attacker's way
 * to smuggle a page's /AA or an attachment along) gets null instead. Filter
 * names are written in their canonical spelling, so an escaped or abbreviated
 * name cannot mean one thing to us and another to a viewer.
 */
import {
  PDFArray,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { filterChain } from './pdf-guard.js';

/** Keys whose values act rather than draw. */
const DROPPED_KEYS: ReadonlySet<string> = new Set([
  'A',
  'AA',
  'OpenAction',
  'JS',
  'JavaScript',
  'Names',
  'EmbeddedFiles',
  'EmbeddedFile',
  'EF',
  'RF',
  'AcroForm',
  'XFA',
  'Annots',
  'URI',
  'Launch',
  'SubmitForm',
  'ImportData',
  'Next',
  'Dests',
  'Outlines',
  'Collection',
  'AF',
  'RichMediaContent',
]);

/** Object types that never belong to a page's appearance. */
const DROPPED_TYPES: ReadonlySet<string> = new Set([
  'Catalog',
  'Pages',
  'Page',
  'Annot',
  'Action',
  'Filespec',
  'EmbeddedFile',
  'Sig',
  'Outlines',
]);

/** Action types (/S) of a dictionary that is an action even without /Type. */
const ACTION_TYPES: ReadonlySet<string> = new Set([
  'JavaScript',
  'Launch',
  'URI',
  'SubmitForm',
  'ResetForm',
  'ImportData',
  'GoTo',
  'GoToR',
  'GoToE',
  'Hide',
  'Named',
  'Rendition',
  'Movie',
  'Sound',
  'RichMediaExecute',
  'Thread',
  'SetOCGState',
  'Trans',
  'GoTo3DView',
]);

export class CleanCopier {
  private readonly copied = new Map<PDFRef, PDFRef>();

  constructor(
    private readonly source: PDFContext,
    private readonly target: PDFContext,
  ) {}

  copy(object: PDFObject): PDFObject {
    if (object instanceof PDFRef) return this.copyRef(object);
    if (object instanceof PDFRawStream) return this.copyStream(object);
    if (object instanceof PDFStream) return PDFNull; // only raw streams come from a parsed file
    if (object instanceof PDFDict) return this.copyDict(object);
    if (object instanceof PDFArray) {
      const array = PDFArray.withContext(this.target);
      for (const element of object.asArray()) array.push(this.copy(element));
      return array;
    }
    if (object instanceof PDFInvalidObject) return PDFNull;
    return object.clone();
  }

  private copyRef(ref: PDFRef): PDFObject {
    const done = this.copied.get(ref);
    if (done) return done;
    const object = this.source.lookup(ref);
    if (object === undefined || isForbidden(object)) return PDFNull;
    const copy = this.target.nextRef();
    this.copied.set(ref, copy);
    this.target.assign(copy, this.copy(object));
    return copy;
  }

  private copyDict(dict: PDFDict): PDFObject {
    if (isForbidden(dict)) return PDFNull;
    const copy = PDFDict.withContext(this.target);
    for (const [key, value] of dict.entries()) {
      if (DROPPED_KEYS.has(nameText(key))) continue;
      copy.set(key, this.copy(value));
    }
    return copy;
  }

  private copyStream(stream: PDFRawStream): PDFObject {
    if (isForbidden(stream)) return PDFNull;
    const dict = this.copyDict(stream.dict);
    if (!(dict instanceof PDFDict)) return PDFNull;
    const chain = filterChain(stream.dict);
    if (chain.length > 0) dict.set(PDFName.of('Filter'), this.target.obj(chain.map((stage) => PDFName.of(stage.name))));
    return PDFRawStream.of(dict, stream.contents);
  }
}

function isForbidden(object: PDFObject): boolean {
  const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
  if (dict === undefined) return false;
  const type = dict.lookup(PDFName.of('Type'));
  if (type instanceof PDFName && DROPPED_TYPES.has(nameText(type))) return true;
  const action = dict.lookup(PDFName.of('S'));
  if (action instanceof PDFName && ACTION_TYPES.has(nameText(action))) return true;
  return dict.has(PDFName.of('JS')) || dict.has(PDFName.of('EF'));
}

function nameText(name: PDFName): string {
  return name.decodeText().replace(/^\//, '');
}
