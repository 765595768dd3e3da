/**
 * Print quality as a 档案局 clerk checks it, on the fixtures plus a long and a
 * sparse dossier: no heading ends a page and no 落款 starts one; no mark of the
 * service within 5 mm of the paper edge and a code line of at least 7 pt; no
 * justified line spread more than 0.15 em per character, in the PDF and in the
 * DOCX as LibreOffice prints it; names, ID numbers and
 * title words never split over two lines, in the PDF and in the DOCX as
 * LibreOffice prints it (附件4's title on the PDF's lines); 附件N labels in
 * 三号黑体; the DOCX of each letter breaks into as many pages as the PDF.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/document/model.js';
import { DossierSchema, type Dossier } from '../../src/domain/dossier.js';
import { findForm } from '../../src/forms/registry.js';
import type { FormContext } from '../../src/forms/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdfWithLayout, type PlacedGlyph } from '../../src/render/pdf/index.js';
import { NO_END, NO_START, isIdeographic } from '../../src/render/pdf/line-break-rules.js';
import { bodyDefaults } from '../../src/render/pdf/blocks.js';
import type { FlowContext } from '../../src/render/pdf/flow.js';
import { layoutParagraph } from '../../src/render/pdf/text-layout.js';
import { wordProcessorMeasure } from '../../src/render/text-measure.js';
import { getFontLibrary } from '../../src/fonts/library.js';
import { createSigner } from '../../src/verify/index.js';
import { modelTexts } from '../forms/model-walk.js';
import { officePageCounts } from '../helpers/office-tools.js';
import { convertWithOffice } from '../helpers/libreoffice.js';
import { pdfWords, type PrintedPdf, type Word } from '../helpers/print-tools.js';
import { inkInBox, pdfInfo, rasterise } from '../helpers/pdf-tools.js';

const MM = 72 / 25.4;
const DOSSIERS = [
  'ayguli-junior',
  'bater-initial',
  'zhang-yue-intermediate',
  'long-dossier',
  'sparse-dossier',
] as const;
/** The letters (GB/T 9704 documents without large tables). */
const LETTERS = [
  'publicity-notice',
  'publicity-result',
  'pledge',
  'political-appraisal',
  'work-experience-certificate',
] as const;
const FORMS = [...LETTERS, 'review-form', 'ce-exemption', 'materials-catalogue'] as const;

const CTX: FormContext = {
  now: new Date('2024-10-10T02:00:00Z'),
  options: { copies: 1 },
  settings: { watermarkText: '档案系列职称评审专用' },
  signer: createSigner('print quality test secret'),
};

function dossier(name: string): Dossier {
  return DossierSchema.parse(
    JSON.parse(readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8')),
  );
}

interface Rendered {
  readonly form: string;
  readonly name: string;
  readonly dossier: Dossier;
  readonly doc: Document;
  readonly pdf: Uint8Array;
  readonly glyphs: PlacedGlyph[];
}

const cache = new Map<string, Promise<Rendered>>();
function rendered(form: string, name: string): Promise<Rendered> {
  const key = `${form}--${name}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const d = dossier(name);
      const def = findForm(form)!;
      const accepted = def.accept(d);
      if (!accepted.ok) throw new Error(`${form}: fixture refused: ${JSON.stringify(accepted.problems)}`);
      const doc = accepted.value.build(form === 'review-form' ? CTX : { ...CTX, options: {} });
      const { bytes, glyphs } = await renderPdfWithLayout(doc);
      return { form, name, dossier: d, doc, pdf: bytes, glyphs };
    })();
    cache.set(key, hit);
  }
  return hit;
}

const CASES = FORMS.flatMap((form) => DOSSIERS.map((name) => [form, name] as const));
const compact = (s: string): string => s.replace(/\s+/g, '');

/** One printed line: glyphs drawn one after another on the same baseline of a page, in order. */
interface Line {
  readonly page: number;
  readonly glyphs: PlacedGlyph[];
}

/** The lines of the type area (page furniture below the bottom margin left out). */
function lines(r: Rendered): Line[] {
  const bottom = r.doc.page.margins.bottom * MM;
  const out: Line[] = [];
  let cur: Line | undefined;
  for (const g of r.glyphs) {
    if (g.y < bottom - 1) continue;
    const prev = cur?.glyphs[cur.glyphs.length - 1];
    if (!cur || !prev || prev.page !== g.page || Math.abs(prev.y - g.y) > 0.5 || g.x < prev.x) {
      cur = { page: g.page, glyphs: [] };
      out.push(cur);
    }
    cur.glyphs.push(g);
  }
  return out;
}

const lineText = (l: Line): string => compact(l.glyphs.map((g) => g.char).join(''));

function pageTexts(r: Rendered): string[] {
  const pages: string[] = [];
  for (const l of lines(r)) pages[l.page] = (pages[l.page] ?? '') + lineText(l);
  return pages.map((p) => p ?? '');
}

function textOf(b: Block): string {
  if (b.type === 'heading' || b.type === 'paragraph') return compact(b.runs.map((r) => r.text).join(''));
  if (b.type === 'signature') return compact(b.lines[0]?.text ?? '');
  return '';
}

describe('keeps: headings with their text, 落款 with the text before it', () => {
  it.each(CASES)(
    '%s × %s: no page ends with a heading, no page starts with a signature block',
    async (form, name) => {
      const r = await rendered(form, name);
      const pages = pageTexts(r);
      const headings = r.doc.blocks.filter((b) => b.type === 'heading').map(textOf);
      const signatures = r.doc.blocks.filter((b) => b.type === 'signature').map(textOf);
      // A heading with a kept paragraph after it (本人承诺 and its instruction) ends no page either.
      const keptPairs = r.doc.blocks.flatMap((b, i) => {
        const next = r.doc.blocks[i + 1];
        return b.type === 'heading' && next?.type === 'paragraph' && next.keepWithNext
          ? [textOf(b) + textOf(next)]
          : [];
      });
      pages.forEach((text, page) => {
        if (page < pages.length - 1)
          for (const h of [...headings, ...keptPairs])
            expect(text.endsWith(h), `page ${page + 1} ends with heading ${h}`).toBe(false);
        if (page > 0)
          for (const s of signatures) {
            if (s === '') continue;
            expect(text.startsWith(s), `page ${page + 1} starts with the signature ${s}`).toBe(false);
          }
      });
    },
    120_000,
  );
});

describe('safe zone: nothing within 5 mm of the paper edge', () => {
  it.each(CASES)(
    '%s × %s: no ink in the 5 mm band, code text ≥ 7 pt',
    async (form, name) => {
      const r = await rendered(form, name);
      const info = await pdfInfo(r.pdf);
      const pages = await rasterise(r.pdf, { dpi: 72 });
      expect(pages).toHaveLength(info.pages);
      const band = 5 * MM;
      pages.forEach((page, i) => {
        const w = info.width;
        const h = info.height;
        const boxes = [
          { x: 0, y: 0, width: w, height: band },
          { x: 0, y: h - band, width: w, height: band },
          { x: 0, y: 0, width: band, height: h },
          { x: w - band, y: 0, width: band, height: h },
        ];
        for (const box of boxes) expect(inkInBox(page, box), `page ${i + 1} has ink near the edge`).toBe(0);
      });
      if (r.doc.pageMark) {
        const code = r.glyphs.filter((g) => g.y < r.doc.page.margins.bottom * MM && /[验证码流水号]/.test(g.char));
        expect(code.length).toBeGreaterThan(0);
        for (const g of code) expect(g.height).toBeGreaterThanOrEqual(7);
      }
    },
    120_000,
  );
});

/** A character set solid on the em grid (not punctuation, not a space). */
const solid = (ch: string): boolean =>
  isIdeographic(ch.codePointAt(0)!) && !NO_START.has(ch) && !NO_END.has(ch) && ch !== '\u3000';

describe('even lines: justified characters spread at most 0.15 em', () => {
  it.each(CASES)(
    '%s × %s: every character of every body paragraph, as laid out',
    async (form, name) => {
      const r = await rendered(form, name);
      const ctx = { doc: r.doc } as FlowContext;
      const landscape = r.doc.page.orientation === 'landscape';
      const width = ((landscape ? 297 : 210) - r.doc.page.margins.inner - r.doc.page.margins.outer) * MM;
      const lib = getFontLibrary();
      let justified = 0;
      for (const b of r.doc.blocks) {
        if (b.type !== 'paragraph') continue;
        const laid = layoutParagraph(b, bodyDefaults(ctx), width, lib);
        laid.lines.slice(0, -1).forEach((line) => {
          const text = line.glyphs.map((g) => g.item.ch).join('');
          if ((b.align ?? 'justify') === 'justify') justified++;
          for (const g of line.glyphs) {
            if (g.item.space) continue;
            expect(g.advance - g.item.width, `${text} spread at ${g.item.ch}`).toBeLessThanOrEqual(
              0.15 * g.item.size + 1e-6,
            );
          }
        });
      }
      if (LETTERS.includes(form as (typeof LETTERS)[number])) expect(justified).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** Tokens that must stay on one line wherever they print, for a form and a dossier. */
function unbreakable(form: string, d: Dossier): string[] {
  const tokens = [d.applicant.idNumber, d.applicant.name];
  if (form === 'ce-exemption') tokens.push('继续教育', '申请表');
  // 申报系列及专业: "档案系列 / 档案专业", never "档案系列档 / 案专业".
  if (form === 'review-form') tokens.push(`${d.application.series}系列`, `${d.application.specialty}专业`);
  return tokens.map(compact);
}

describe('words, names and ID numbers never split over two lines', () => {
  it.each(CASES)(
    '%s × %s',
    async (form, name) => {
      const r = await rendered(form, name);
      const all = lines(r).map(lineText);
      const joined = all.join('');
      const separated = all.join('\n');
      for (const token of unbreakable(form, r.dossier)) {
        const whole = joined.split(token).length - 1;
        const onOneLine = separated.split(token).length - 1;
        expect(onOneLine, `${token} split across lines`).toBe(whole);
      }
    },
    120_000,
  );

  it('the 附件4 title breaks between words, into lines of nearly equal length', async () => {
    const r = await rendered('ce-exemption', 'ayguli-junior');
    const title = compact(
      r.doc.blocks
        .find((b) => b.type === 'heading')!
        .runs.map((x) => x.text)
        .join(''),
    );
    // The title is the only text in 小二 (18 pt).
    const titleLines = lines(r)
      .filter((l) => l.glyphs[0]!.height === 18)
      .map(lineText);
    expect(titleLines.join('')).toBe(title);
    expect(titleLines.length).toBe(2);
    const [a, b] = titleLines.map((t) => Array.from(t).length) as [number, number];
    expect(Math.abs(a - b)).toBeLessThanOrEqual(3);
    const words = new Intl.Segmenter('zh', { granularity: 'word' });
    const starts = new Set([...words.segment(title)].map((s) => s.index));
    expect(starts.has(titleLines[0]!.length)).toBe(true);
  }, 60_000);
});

/** A line of a printed PDF: its text without white space and where its ink starts and ends, pt. */
interface PrintedLine {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
}

/** The lines of the type area of a printed PDF (pdftotext -bbox words on one baseline). */
function printedLines(printed: PrintedPdf, doc: Document): PrintedLine[] {
  const top = doc.page.margins.top * MM - 2;
  const inArea = (w: PrintedPdf['words'][number]): boolean =>
    w.yMin >= top && w.yMax <= printed.pages[w.page]!.height - doc.page.margins.bottom * MM + 2;
  const words = printed.words.filter(inArea).sort((a, b) => a.page - b.page || a.yMax - b.yMax || a.xMin - b.xMin);
  const out: { page: number; text: string; xMin: number; xMax: number }[] = [];
  let last: (typeof words)[number] | undefined;
  for (const w of words) {
    const sameLine = last && last.page === w.page && Math.abs(last.yMax - w.yMax) < (w.yMax - w.yMin) / 2;
    const line = out[out.length - 1];
    if (sameLine && line) {
      line.text += compact(w.text);
      line.xMax = Math.max(line.xMax, w.xMax);
    } else out.push({ page: w.page, text: compact(w.text), xMin: w.xMin, xMax: w.xMax });
    last = w;
  }
  return out;
}

/** How often each character other than white space occurs in the texts. */
function countChars(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const ch of compact(text)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Dates and codes (BZ-2024-1005) as the PDF prints them (kept whole by its breaker, line-break-rules.ts). */
const DATE = /\d{4}年\d{1,2}月(?:\d{1,2}日)?/gu;
const CODE = /[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)+/gu;

const occurrences = (lines: readonly string[], token: string): number =>
  lines.reduce((n, l) => n + l.split(token).length - 1, 0);

/** The forms whose documents print an applicant's name, ID number or dates in running text or cells. */
const DOCX_FORMS = [...LETTERS, 'review-form', 'ce-exemption'] as const;

const DOCX_CASES = DOSSIERS.flatMap((name) => DOCX_FORMS.map((form) => [form, name] as const));
let printedDocx: Promise<Map<string, { lines: PrintedLine[]; words: readonly Word[] }>> | undefined;
/** Every DOCX_FORMS × DOSSIERS DOCX printed by LibreOffice in one run: the words and lines of each. */
function printedDocxPages(): Promise<Map<string, { lines: PrintedLine[]; words: readonly Word[] }>> {
  printedDocx ??= (async () => {
    const all = await Promise.all(DOCX_CASES.map(([form, name]) => rendered(form, name)));
    const files = await Promise.all(all.map(async (r) => ({ bytes: await renderDocx(r.doc), ext: 'docx' as const })));
    const pdfs = await convertWithOffice(files);
    const out = new Map<string, { lines: PrintedLine[]; words: readonly Word[] }>();
    for (const [i, r] of all.entries()) {
      const printed = await pdfWords(pdfs[i]!);
      out.set(`${r.form}--${r.name}`, { lines: printedLines(printed, r.doc), words: printed.words });
    }
    return out;
  })();
  return printedDocx;
}

async function printedDocxLines(): Promise<Map<string, PrintedLine[]>> {
  return new Map([...(await printedDocxPages())].map(([key, { lines }]) => [key, lines]));
}

/**
 * One Chinese character and the marks after it: what an editor leaves alone on a paragraph's last line.
 * Not a colon: the cover's letter-spaced labels print "姓　　名：" as words apart.
 */
const LONE_CHARACTER = /^\p{Script=Han}[。，、；？！）》”’]+$/u;

/** Words of a lone character and its marks that begin a line of their paragraph or cell (nothing printed just left of them). */
function loneCharacterLines(words: readonly Word[]): Word[] {
  return words.filter((w) => {
    if (!LONE_CHARACTER.test(w.text)) return false;
    const em = w.yMax - w.yMin;
    return !words.some(
      (u) =>
        u !== w &&
        u.page === w.page &&
        Math.abs(u.yMax - w.yMax) < em / 2 &&
        u.xMax <= w.xMin + 1 &&
        u.xMax > w.xMin - 2 * em,
    );
  });
}

describe('the DOCX as LibreOffice prints it keeps words whole, as the PDF does', () => {
  it.each(DOCX_CASES)(
    '%s × %s: names, ID numbers, dates and codes on one line wherever the PDF prints them',
    async (form, name) => {
      const r = await rendered(form, name);
      const pdfLines = lines(r).map(lineText);
      const printed = (await printedDocxLines()).get(`${form}--${name}`)!.map((l) => l.text);
      const dates = new Set(pdfLines.flatMap((l) => [...l.matchAll(DATE), ...l.matchAll(CODE)].map((m) => m[0])));
      for (const token of [...unbreakable(form, r.dossier), ...dates]) {
        // Every occurrence the PDF prints on one line, the printed DOCX also prints on one line.
        expect(occurrences(printed, token), `${token} split across lines`).toBe(occurrences(pdfLines, token));
      }
    },
    600_000,
  );

  it.each(DOCX_CASES)(
    '%s × %s: every character of the document is printed (no mark lost at a line end)',
    async (form, name) => {
      const r = await rendered(form, name);
      const printed = countChars((await printedDocxLines()).get(`${form}--${name}`)!.map((l) => l.text));
      const missing = [...countChars(modelTexts(r.doc))].filter(([ch, n]) => (printed.get(ch) ?? 0) < n);
      expect(missing.map(([ch, n]) => `${ch} ×${n - (printed.get(ch) ?? 0)}`)).toEqual([]);
    },
    600_000,
  );

  it.each(DOCX_CASES)(
    '%s × %s: no line of the printed DOCX holds one character alone with its marks ("…任何处 / 分。")',
    async (form, name) => {
      const { words } = (await printedDocxPages()).get(`${form}--${name}`)!;
      expect(loneCharacterLines(words).map((w) => `page ${w.page + 1}: ${w.text}`)).toEqual([]);
    },
    600_000,
  );

  it.each(DOCX_CASES)(
    '%s × %s: no page of the printed DOCX ends with a heading',
    async (form, name) => {
      const r = await rendered(form, name);
      const headings = new Set(r.doc.blocks.filter((b) => b.type === 'heading').map(textOf));
      const printed = (await printedDocxLines()).get(`${form}--${name}`)!;
      const lastPage = Math.max(...printed.map((l) => l.page));
      for (const [i, line] of printed.entries()) {
        const endsPage = printed[i + 1]?.page !== line.page;
        if (endsPage && line.page < lastPage)
          expect(headings.has(line.text), `page ${line.page + 1} ends with ${line.text}`).toBe(false);
      }
    },
    600_000,
  );

  it("附件4: the title prints on the PDF's balanced lines", async () => {
    const r = await rendered('ce-exemption', 'ayguli-junior');
    const pdfTitle = lines(r)
      .filter((l) => l.glyphs[0]!.height === 18)
      .map(lineText);
    const title = pdfTitle.join('');
    expect(pdfTitle.length).toBe(2);
    const printed = (await printedDocxLines()).get('ce-exemption--ayguli-junior')!.map((l) => l.text);
    const first = printed.findIndex((l) => l.length > 0 && title.startsWith(l));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(printed.slice(first, first + pdfTitle.length)).toEqual(pdfTitle);
  }, 600_000);

  it.each(LETTERS.flatMap((form) => DOSSIERS.map((name) => [form, name] as const)))(
    '%s × %s: no line of a body paragraph spread more than 0.15 em a character',
    async (form, name) => {
      const r = await rendered(form, name);
      const measure = wordProcessorMeasure(getFontLibrary());
      const style = { font: r.doc.base.font, size: r.doc.base.size, bold: false };
      const left = r.doc.page.margins.inner * MM;
      const bodies = r.doc.blocks.filter((b) => b.type === 'paragraph').map(textOf);
      let checked = 0;
      for (const line of (await printedDocxLines()).get(`${form}--${name}`)!) {
        const chars = Array.from(line.text).length;
        // A line of running text: it starts at the margin or its first-line indent, inside a body paragraph.
        const indent = line.xMin - left;
        if (chars < 2 || !(indent > -1 && indent < 2 * style.size + 1)) continue;
        if (!bodies.some((text) => text.includes(line.text))) continue;
        checked++;
        // LibreOffice's own quarter ems where Chinese meets digits are in the measure, not in the spread.
        // Those ems can push a code (BZ-2024-1000) to the next line where the PDF fits it, and the editor
        // then justifies a line the PDF does not have: about 0.15 em is the bound, as in the PDF.
        const spread = (line.xMax - line.xMin - measure(line.text, style)) / (chars - 1);
        expect(spread / style.size, `${line.text} spread`).toBeLessThanOrEqual(0.16);
      }
      expect(checked).toBeGreaterThan(0);
    },
    600_000,
  );
});

describe('GB/T 9704 details', () => {
  it.each([
    ['publicity-notice', '附件1'],
    ['publicity-result', '附件2'],
    ['pledge', '附件3'],
    ['ce-exemption', '附件4'],
    ['materials-catalogue', '附件6'],
  ] as const)(
    '%s starts with "%s" in 三号黑体 at the top left, a blank line before the title',
    async (form, label) => {
      const r = await rendered(form, 'zhang-yue-intermediate');
      const first = lines(r)[0]!;
      expect(lineText(first)).toBe(label);
      const left = Math.min(...r.glyphs.filter((g) => g.page === 0).map((g) => g.x));
      expect(first.glyphs[0]!.x).toBeCloseTo(left, 1);
      for (const g of first.glyphs.filter((x) => solid(x.char))) expect(g.height).toBe(16);
      const [, title] = lines(r);
      // The title's baseline is at least two label lines below: the blank line between them.
      expect(first.glyphs[0]!.y - title!.glyphs[0]!.y).toBeGreaterThan(2 * 16 * 1.2);
    },
    60_000,
  );

  it('places the 落款: the date ends four characters from the right margin, the unit centred over it', async () => {
    const r = await rendered('publicity-result', 'zhang-yue-intermediate');
    const sig = r.doc.blocks.find((b) => b.type === 'signature')!;
    if (sig.type !== 'signature') throw new Error('no signature');
    const all = lines(r);
    const unit = all.find((l) => lineText(l) === compact(sig.lines[0]!.text))!;
    const date = all.find((l) => lineText(l) === compact(sig.lines[1]!.text))!;
    const m = r.doc.page.margins;
    const right = (210 - m.outer) * MM;
    const em = 16;
    const end = (l: Line): number => l.glyphs[l.glyphs.length - 1]!.x + l.glyphs[l.glyphs.length - 1]!.width;
    const dateEnd = date.glyphs[date.glyphs.length - 1]!;
    // The last glyph's em box (digits are narrower; 日 is an ideograph) ends 4 em in.
    expect(right - (dateEnd.x + dateEnd.width)).toBeCloseTo(4 * em, 0);
    const centre = (l: Line): number => (l.glyphs[0]!.x + end(l)) / 2;
    expect(Math.abs(centre(unit) - centre(date))).toBeLessThan(em);
  }, 60_000);

  it('aligns signature lines on their colons (承诺书)', async () => {
    const r = await rendered('pledge', 'ayguli-junior');
    const colons = lines(r)
      .filter((l) => /^(承诺人|签字|按手印)：/.test(lineText(l)))
      .map((l) => l.glyphs.find((g) => g.char === '：')!.x);
    expect(colons).toHaveLength(3);
    for (const x of colons) expect(x).toBeCloseTo(colons[0]!, 1);
  }, 60_000);

  it('prints no page number on the review form cover, and numbers the pages after it', async () => {
    const r = await rendered('review-form', 'zhang-yue-intermediate');
    const bottom = r.doc.page.margins.bottom * MM;
    const numberOn = (page: number): string =>
      r.glyphs
        .filter((g) => g.page === page && g.y < bottom && /[—\d]/.test(g.char) && g.height === 14)
        .map((g) => g.char)
        .join('');
    expect(numberOn(0)).toBe('');
    expect(numberOn(1)).toBe('—2—');
  }, 60_000);

  it('ends "业绩成果：无" as a sentence', async () => {
    const r = await rendered('publicity-notice', 'sparse-dossier');
    expect(pageTexts(r).join('')).toContain('业绩成果：无。');
    expect(pageTexts(r).join('')).toContain('思想政治条件：无。');
  }, 60_000);
});

describe('DOCX breaks into the same pages as the PDF', () => {
  it('every letter, for the long and a short dossier, printed by LibreOffice with the same fonts', async () => {
    const files = new Map<string, Uint8Array>();
    const expected = new Map<string, number>();
    for (const form of LETTERS)
      for (const name of ['long-dossier', 'zhang-yue-intermediate']) {
        const r = await rendered(form, name);
        files.set(`${form}--${name}`, await renderDocx(r.doc));
        expected.set(`${form}--${name}`, (await pdfInfo(r.pdf)).pages);
      }
    const counts = await officePageCounts(files);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected));
  }, 600_000);
});
