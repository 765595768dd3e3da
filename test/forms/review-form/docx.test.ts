import { beforeAll, describe, expect, it } from 'vitest';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { zipPart, zipPartNames } from '../../helpers/office-tools.js';
import { context, fixture, signer } from './fixtures.js';

const text = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('review-form DOCX', () => {
  let docx: Uint8Array;
  let caption: string;
  beforeAll(async () => {
    const doc = reviewForm.build(fixture('zhang-yue-intermediate'), context());
    caption = doc.pageMark!.caption;
    docx = await renderDocx(doc);
  });

  it('puts the watermark text in a header part', () => {
    const headers = zipPartNames(docx, /^word\/header\d*\.xml$/);
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.some((part) => zipPart(docx, part).includes('档案系列职称评审专用'))).toBe(true);
  });

  it('has different odd and even footers, both with the verification caption', () => {
    expect(zipPart(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const section = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(zipPart(docx, 'word/document.xml'))?.[0] ?? '';
    expect(section).toMatch(/<w:footerReference w:type="default"/);
    expect(section).toMatch(/<w:footerReference w:type="even"/);
    const footers = zipPartNames(docx, /^word\/footer\d*\.xml$/).map((part) => zipPart(docx, part));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const footer of footers) expect(text(footer)).toContain(caption);
    expect(new Set(footers.map(text)).size).toBeGreaterThanOrEqual(2);
  });

  it('mirrors the margins for double-sided binding, on A4', () => {
    expect(zipPart(docx, 'word/settings.xml')).toContain('<w:mirrorMargins/>');
    const section = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(zipPart(docx, 'word/document.xml'))?.[0] ?? '';
    expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('carries the sections, the pledge sentence and a verifiable code', () => {
    const body = text(zipPart(docx, 'word/document.xml'));
    for (const heading of [
      '一、基本情况',
      '五、任现职以来主要专业技术工作业绩',
      '十三、评审委员会意见',
      '十四、人社部门意见',
    ])
      expect(body).toContain(heading);
    expect(body).toContain('且网上填报与送审报表内容完全一致');
    const serial = /流水号 (\S+)/.exec(caption)?.[1];
    expect(serial).toMatch(/^RF-2024-/);
    // Set with word joiners (no-break.ts) so that no editor breaks it after a hyphen.
    expect(body.replaceAll('\u2060', '')).toContain(serial!);
    expect(
      signer.verify(reviewForm.build(fixture('zhang-yue-intermediate'), context()).pageMark!.qrText.slice(11)).valid,
    ).toBe(true);
  });
});
