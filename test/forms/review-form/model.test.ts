import { describe, expect, it } from 'vitest';
import type { HeadingBlock, TableBlock } from '../../../src/document/model.js';
import { AppError } from '../../../src/errors.js';
import { reviewForm, SECTION_TITLES, ReviewFormOptions, decodePhoto } from '../../../src/forms/review-form/index.js';
import {
  FIXTURES,
  NOW,
  allText,
  context,
  fixture,
  jpegBytes,
  longDossier,
  pngBase64,
  rawFixture,
  signer,
} from './fixtures.js';
import { DossierSchema } from '../../../src/domain/dossier.js';

const squash = (s: string) => s.replace(/\s+/g, '');

function headingTexts(doc: ReturnType<typeof reviewForm.build>): string[] {
  return doc.blocks
    .filter((b): b is HeadingBlock => b.type === 'heading')
    .map((h) => h.runs.map((r) => r.text).join(''));
}

/** The table that follows a section heading. */
function tableAfter(doc: ReturnType<typeof reviewForm.build>, title: string): TableBlock {
  const index = doc.blocks.findIndex(
    (b) =>
      b.type === 'heading' &&
      b.runs
        .map((r) => r.text)
        .join('')
        .endsWith(`、${title}`),
  );
  const table = doc.blocks.slice(index + 1).find((b): b is TableBlock => b.type === 'table');
  if (index < 0 || !table) throw new Error(`no table after ${title}`);
  return table;
}

const cellTexts = (table: TableBlock) =>
  table.rows.map((row) => row.cells.map((c) => c.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('')));

describe('review-form model', () => {
  it('has the page set-up of the notice: A4 portrait, mirrored, duplex, dash page numbers, watermark with the serial, QR mark', () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), context());
    expect(doc.page).toMatchObject({ size: 'A4', orientation: 'portrait', mirrored: true });
    expect(doc.duplex).toBe(true);
    expect(doc.copies).toBe(2);
    expect(doc.pageNumbers).toBe('dash');
    expect(doc.watermark?.text).toBe('档案系列职称评审专用');
    expect(doc.watermark?.subtext).toMatch(/^RF-2024-[A-Z2-7]{8}$/);
    expect(doc.meta.createdAt).toEqual(NOW);
    const mark = doc.pageMark!;
    expect(mark.qrText).toMatch(/^\/v1\/verify\/[A-Za-z0-9_-]+$/);
    const verified = signer.verify(mark.qrText.slice('/v1/verify/'.length));
    expect(verified).toMatchObject({ valid: true, form: 'review-form', serial: doc.watermark?.subtext });
    expect(mark.caption).toMatch(new RegExp(`^验证码 [A-Z2-7]{4}-[A-Z2-7]{4} 流水号 ${doc.watermark?.subtext}$`));
  });

  it('puts a full link in the QR when the deployment names its public address', () => {
    const ctx = context();
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), {
      ...ctx,
      settings: { ...ctx.settings, publicBaseUrl: 'https://zc.example.cn/' },
    });
    const link = doc.pageMark!.qrText;
    expect(link).toMatch(/^https:\/\/zc\.example\.cn\/v1\/verify\/[A-Za-z0-9_-]+$/);
    expect(signer.verify(link.slice('https://zc.example.cn/v1/verify/'.length)).valid).toBe(true);
  });

  it('is deterministic for the same input and time', () => {
    const a = reviewForm.build(fixture('ayguli-junior'), context());
    const b = reviewForm.build(fixture('ayguli-junior'), context());
    expect(a).toEqual(b);
  });

  it('takes the watermark text from the settings', () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), {
      ...context(),
      settings: { watermarkText: '某地职称专用' },
    });
    expect(doc.watermark?.text).toBe('某地职称专用');
  });

  it('prints no QR or serial without a signer', () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), context({}, false));
    expect(doc.pageMark).toBeUndefined();
    expect(doc.watermark?.subtext).toBeUndefined();
    expect(allText(doc)).not.toContain('验证码');
  });

  it.each(FIXTURES)('has every section in the order of the national form (%s)', (name) => {
    const headings = headingTexts(reviewForm.build(fixture(name), context()));
    expect(headings[0]).toBe('专业技术职务任职资格评审表');
    expect(headings[1]).toBe('填表说明');
    expect(headings.slice(2).map((h) => h.replace(/^[一二三四五六七八九十]+、/, ''))).toEqual([...SECTION_TITLES]);
  });

  it('puts the cover fields on the first page', () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), context());
    const firstBreak = doc.blocks.findIndex((b) => b.type === 'pageBreak');
    const cover = allText({ ...doc, blocks: doc.blocks.slice(0, firstBreak) });
    for (const expected of [
      '若羌县档案馆',
      '张玥',
      '助理馆员',
      '档案系列 馆员',
      '2024年9月20日',
      '人力资源和社会保障厅制',
    ])
      expect(cover).toContain(expected);
  });

  it('prints 无 for every empty list and the empty summary (bater-initial)', () => {
    const doc = reviewForm.build(fixture('bater-initial'), context());
    for (const title of ['任现职以来主要专业技术工作业绩', '论文、著作', '获奖情况', '获得的知识产权']) {
      const rows = cellTexts(tableAfter(doc, title));
      expect(rows, title).toHaveLength(2);
      expect(rows[1], title).toEqual(['无']);
    }
    const text = allText(doc);
    expect(text).toMatch(/九、个人专业技术工作总结\n无\n/);
    // No current title: its name and dates read 无.
    const basic = cellTexts(tableAfter(doc, '基本情况'));
    const titleRow = basic.find((row) => row[0] === '现任专业技术职务')!;
    expect(titleRow).toEqual(['现任专业技术职务', '无', '取得时间', '无', '聘任时间', '无']);
  });

  it('lists continuing education per year and the exemption (ayguli-junior)', () => {
    const rows = cellTexts(tableAfter(reviewForm.build(fixture('ayguli-junior'), context()), '继续教育情况'));
    expect(rows[1]).toEqual(['2023年', '30', '60', '90']);
    expect(rows[2]).toEqual(['2024年', '30', '0', '30']);
    expect(rows[3]?.[0]).toBe('免除继续教育');
    expect(rows[3]?.[1]).toContain('访惠聚驻村');
  });

  it('fills the unit opinion with the notice wording and the publicity period', () => {
    const text = allText(reviewForm.build(fixture('zhang-yue-intermediate'), context()));
    expect(text).toContain('2024年9月10日至2024年9月19日');
    expect(text).toContain('本单位已对提供的申报材料逐一审核，真实准确，同意推荐');
  });

  it('prints the pledge sentence of the notice (五(一)13) with an empty space to copy it by hand', () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), context());
    expect(allText(doc)).toContain(
      '本人承诺以上填报内容和提交的材料真实有效，且网上填报与送审报表内容完全一致，如申请人提交弄虚作假确认材料的，一经查实，不予受理确认申报或取消已确认的资格，并从申报年度下一年度起3年内，不得申报专业技术资格。',
    );
    const space = tableAfter(doc, '本人承诺');
    expect(space.rows[0]?.cells[0]).toMatchObject({ paragraphs: [], space: 'signature' });
    expect(space.rows[0]?.minHeight).toBeGreaterThanOrEqual(40);
  });

  it('leaves the committee boxes empty: counts, votes, conclusion, signature, seal', () => {
    const table = tableAfter(reviewForm.build(fixture('zhang-yue-intermediate'), context()), '评审委员会意见');
    const labels = cellTexts(table)
      .flat()
      .filter((t) => t !== '');
    for (const label of [
      '评委会总人数',
      '出席人数',
      '表决结果',
      '同意',
      '不同意',
      '弃权',
      '评审结论',
      '主任委员签字',
      '评委会（章）',
    ])
      expect(labels).toContain(label);
    const empty = table.rows.flatMap((r) => r.cells).filter((c) => c.paragraphs.length === 0);
    // total, present; three vote counts; conclusion; chairman's signature and seal
    expect(empty.length).toBe(8);
    for (const c of empty) expect(c.space).toBeDefined();
  });

  it('leaves no cell empty except marked handwriting spaces', () => {
    for (const name of FIXTURES) {
      const doc = reviewForm.build(fixture(name), context());
      for (const block of doc.blocks) {
        if (block.type !== 'table') continue;
        for (const c of block.rows.flatMap((r) => r.cells)) {
          const text = c.paragraphs
            .flatMap((p) => p.runs.map((r) => r.text))
            .join('')
            .trim();
          if (text === '') expect(c.space, name).toBeDefined();
        }
      }
    }
  });

  it('keeps every character of 30 achievements and a 3,000-character summary, with a repeated table header', () => {
    const dossier = longDossier();
    expect(Array.from(dossier.workSummary.replace(/\n/g, '')).length).toBe(3000);
    const doc = reviewForm.build(dossier, context());
    const text = squash(allText(doc));
    for (const paragraph of dossier.workSummary.split('\n')) expect(text).toContain(paragraph);
    const table = tableAfter(doc, '任现职以来主要专业技术工作业绩');
    expect(table.headerRows).toBe(1);
    expect(table.rows).toHaveLength(31);
    for (const a of dossier.achievements)
      for (const field of [a.title, a.content, a.result]) expect(text).toContain(field);
  });

  it('uses the copies option: "1" or "2" from the query, default 2, nothing else', () => {
    expect(ReviewFormOptions.parse({})).toEqual({ copies: 2 });
    expect(ReviewFormOptions.parse({ copies: '1' })).toEqual({ copies: 1 });
    expect(ReviewFormOptions.parse({ copies: '2' })).toEqual({ copies: 2 });
    for (const bad of ['0', '3', 'x', '1.5', '-1'])
      expect(ReviewFormOptions.safeParse({ copies: bad }).success, bad).toBe(false);
    expect(reviewForm.build(fixture('bater-initial'), context({ copies: 1 })).copies).toBe(1);
  });

  it('names the file after the applicant and serves a valid sample', () => {
    expect(reviewForm.fileName(fixture('zhang-yue-intermediate'))).toBe('专业技术职务任职资格评审表-张玥');
    expect(DossierSchema.safeParse(reviewForm.sample()).success).toBe(true);
    expect(reviewForm.id).toBe('review-form');
    expect(reviewForm.formats).toEqual(['pdf', 'docx']);
  });
});

describe('review-form photo', () => {
  const basicTable = (photo: string | null) => {
    const raw = rawFixture('zhang-yue-intermediate');
    raw.applicant.photo = photo;
    return tableAfter(reviewForm.build(DossierSchema.parse(raw), context()), '基本情况');
  };

  it('places a PNG photo in the grid, fitted to the 25 × 35 mm box', async () => {
    const png = await pngBase64();
    const photoCell = basicTable(png).rows[0]!.cells.at(-1)!;
    expect(photoCell.rowSpan).toBe(5);
    expect(photoCell.image?.format).toBe('png');
    // A square photo fills the width of the box.
    expect(photoCell.image?.width).toBe(25);
    expect(photoCell.image?.height).toBe(25);
    expect(Buffer.from(photoCell.image!.data).toString('base64')).toBe(png);
  });

  it('accepts a JPEG, also as a data: URL, keeping its proportions', () => {
    const jpeg = jpegBytes(295, 413);
    const photoCell = basicTable(`data:image/jpeg;base64,${jpeg.toString('base64')}`).rows[0]!.cells.at(-1)!;
    expect(photoCell.image?.format).toBe('jpeg');
    expect(photoCell.image!.height).toBeCloseTo(35, 1);
    expect(photoCell.image!.width).toBeCloseTo(25, 0);
    expect(decodePhoto(jpeg.toString('base64'))).toMatchObject({
      ok: true,
      photo: { format: 'jpeg', width: 295, height: 413 },
    });
  });

  it('marks an empty 贴照片处 box without a photo', () => {
    const photoCell = basicTable(null).rows[0]!.cells.at(-1)!;
    expect(photoCell.image).toBeUndefined();
    expect(photoCell.paragraphs[0]?.runs[0]?.text).toBe('贴照片处');
    expect(
      basicTable(null)
        .rows.slice(0, 5)
        .reduce((h, r) => h + (r.minHeight ?? 0), 0),
    ).toBeGreaterThanOrEqual(35);
  });

  it.each([
    ['not base64', '这不是图片'],
    ['base64 of text', Buffer.from('hello photo').toString('base64')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')],
    ['a truncated JPEG', jpegBytes().subarray(0, 20).toString('base64')],
  ])('refuses %s with a Problem at /applicant/photo', (_label, photo) => {
    const raw = rawFixture('zhang-yue-intermediate');
    raw.applicant.photo = photo;
    const dossier = DossierSchema.parse(raw);
    const problems = reviewForm.requires!(dossier);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '/applicant/photo', code: 'PHOTO_INVALID' });
    expect(problems[0]?.message).toMatch(/照片/);
    let thrown: unknown;
    try {
      reviewForm.build(dossier, context());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).statusCode).toBe(422);
    expect((thrown as AppError).details[0]?.path).toBe('/applicant/photo');
  });

  it('refuses a truncated PNG', async () => {
    const png = Buffer.from(await pngBase64(), 'base64');
    expect(decodePhoto(png.subarray(0, png.length - 20).toString('base64')).ok).toBe(false);
    expect(decodePhoto(png.toString('base64')).ok).toBe(true);
  });
});
