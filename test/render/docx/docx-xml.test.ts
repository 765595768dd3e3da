import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { glue } from '../../../src/render/docx/no-break.js';
import { zipPart, zipPartNames } from '../../helpers/office-tools.js';
import { CREATED, formDoc, notice } from './models.js';

const docXml = (bytes: Uint8Array) => zipPart(bytes, 'word/document.xml');

/** The rPr elements of every run that carries text. */
function textRunProps(xml: string): string[] {
  return [...xml.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?(?:<w:br\/>)?<w:t[ >]/g)].map((m) => m[1] ?? '');
}

describe('renderDocx: text and page setup', () => {
  it('sets the role font in the East-Asian slot and Times New Roman for Latin on every text run', async () => {
    const xml = docXml(await renderDocx(notice));
    const runs = textRunProps(xml);
    expect(runs.length).toBeGreaterThan(5);
    for (const rPr of runs) {
      expect(rPr).toMatch(/w:eastAsia="(宋体|仿宋|楷体|黑体)"/);
      expect(rPr).toContain('w:ascii="Times New Roman"');
      expect(rPr).toContain('w:hAnsi="Times New Roman"');
    }
    // Title: 宋体 bold 二号 (44 half-points); body 仿宋 三号 (32); heading 1 黑体.
    expect(xml).toMatch(/w:eastAsia="宋体"[^>]*\/><w:b\/><w:bCs\/><w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="仿宋"[^>]*\/><w:sz w:val="32"\/>/);
    expect(xml).toMatch(
      /w:eastAsia="黑体"[^>]*\/><w:sz w:val="32"\/><w:szCs w:val="32"\/><\/w:rPr><w:t xml:space="preserve">一、基本情况/,
    );
  });

  it('declares zh-CN as the East-Asian language in the document defaults', async () => {
    const styles = zipPart(await renderDocx(notice), 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>.*<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋"/);
  });

  it('writes the first-line indent in characters and in twips, other indents, spacing and exact line pitch', async () => {
    const xml = docXml(await renderDocx(notice));
    expect(xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    // 1 character of 16 pt = 320 twips left and right.
    expect(xml).toMatch(/<w:ind w:left="320" w:right="320" w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(xml).toContain('<w:spacing w:after="60" w:before="120" w:line="579" w:lineRule="exact"/>');
    expect(xml).toContain('<w:jc w:val="both"/>');
    expect(xml).toMatch(/<w:keepNext\/>[\s\S]*?关于阿依古丽·买买提/);
    // Headings carry their outline level (the title is Word's level 1).
    expect(xml).toMatch(/<w:outlineLvl w:val="0"\/>[\s\S]*?关于阿依古丽/);
    expect(xml).toMatch(/<w:outlineLvl w:val="1"\/>(?:(?!<\/w:p>).)*一、基本情况/);
  });

  it('underlines filled-in blanks and turns "\\n" into a line break', async () => {
    const xml = docXml(await renderDocx(notice));
    expect(xml).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">阿依古丽·买买提<\/w:t>/);
    // The line's number with its unit, and its last two characters, glued (no-break.ts, pdf-lines.ts).
    expect(xml).toMatch(/<w:br\/><w:t xml:space="preserve">公示期：<\/w:t>/);
    expect(xml).toMatch(/>5\u2060个<\/w:t>(?:(?!<\/w:p>).)*>工<\/w:t>(?:(?!<\/w:p>).)*>作\u2060日<\/w:t>/);
  });

  it('glues names, dates and numbers with their unit (word joiners, no-language runs), as the PDF keeps them', async () => {
    const doc = {
      ...notice,
      blocks: [
        {
          type: 'paragraph' as const,
          runs: [
            { text: '兹证明' },
            { text: '阿依古丽·买买提', noBreak: true },
            { text: '（' },
            { text: '65280119850312002X', noBreak: true },
            { text: '）自2008年3月起，累计16年7个月。' },
          ],
        },
      ],
    };
    const xml = docXml(await renderDocx(doc));
    const run = (text: string) =>
      new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*</w:rPr><w:t xml:space="preserve">${text}</w:t>`);
    const glued = (text: string) =>
      new RegExp(`<w:lang w:eastAsia="zxx"/></w:rPr><w:t xml:space="preserve">${text}</w:t>`);
    // A joiner between characters an editor may break between: ideographs, and a digit beside one.
    expect(xml).toMatch(glued('阿\u2060依\u2060古\u2060丽\u2060·\u2060买\u2060买\u2060提'));
    expect(xml).toMatch(glued('2008\u2060年\u20603\u2060月'));
    expect(xml).toMatch(glued('7\u2060个\u2060月'));
    expect(xml).toMatch(glued('16\u2060年'));
    // Digits and letters never break between each other: the ID number needs no joiner.
    expect(xml).toMatch(run('65280119850312002X'));
    expect(xml).toMatch(run('兹证明'));
    expect(xml).toMatch(run('）自'));
    expect(xml).toMatch(run('起，累计'));
    expect(xml.match(/\u2060/g)).toHaveLength(7 + 3 + 2 + 1);
  });

  it('keeps the signature block together, with an underlined blank and the seal space', async () => {
    const xml = docXml(await renderDocx(notice));
    // 20 mm seal space = 1134 twips exact.
    expect(xml).toContain('<w:keepNext/><w:keepLines/><w:spacing w:line="1134" w:lineRule="exact"/>');
    expect(xml).toMatch(
      /联系人：<\/w:t><\/w:r><w:r><w:rPr>[\s\S]*?<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">\u3000{6}\u200b<\/w:t>/,
    );
    // As in the PDF: the date (6 characters: 2024, 9, 4 half-width) ends two characters (2 × 320 twips) in from
    // the right margin of the 8,845-twip type area; "联系人：" sits on the same colon column as the lines above.
    expect(xml).toMatch(
      new RegExp(`<w:keepLines/>[\\s\\S]*?<w:ind w:left="6285"/><w:jc w:val="left"/>[\\s\\S]*?${glue('2024年9月4日')}`),
    );
  });

  it('sets A4 portrait with the GB/T 9704 margins, mirrored, and even/odd headers', async () => {
    const bytes = await renderDocx(notice);
    const xml = docXml(bytes);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 37 / 26 / 35 / 28 mm.
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const settings = zipPart(bytes, 'word/settings.xml');
    expect(settings).toContain('<w:mirrorMargins/>');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(settings).toContain('<w:ulTrailSpace/>');
    expect(xml).toContain('<w:footerReference w:type="even"');
    expect(xml).toContain('<w:headerReference w:type="even"');
  });

  it('puts "— PAGE —" on the outer side: right on odd pages, left on even pages', async () => {
    const bytes = await renderDocx(notice);
    const odd = zipPart(bytes, 'word/footer1.xml');
    const even = zipPart(bytes, 'word/footer2.xml');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });

  it('draws the watermark text and serial number as a diagonal WordArt shape in both headers', async () => {
    const bytes = await renderDocx(notice);
    const headers = zipPartNames(bytes, /^word\/header\d+\.xml$/);
    expect(headers).toHaveLength(2);
    for (const name of headers) {
      const xml = zipPart(bytes, name);
      // One shape: the serial number follows the text on the same diagonal.
      expect(xml).toContain('string="档案系列职称评审专用\u3000No.2024-0007"');
      expect(xml.match(/<v:shape /g)).toHaveLength(1);
      expect(xml).toMatch(/id="PowerPlusWaterMarkObject\d+"[^>]*rotation:315/);
      expect(xml).toContain('fillcolor="silver"');
    }
  });

  it('writes document properties from the model with the creation time of meta.createdAt', async () => {
    const core = zipPart(await renderDocx(notice), 'docProps/core.xml');
    expect(core).toContain('<dc:title>推荐单位公示</dc:title>');
    expect(core).toContain('<dc:subject>档案系列职称</dc:subject>');
    expect(core).toContain('<dc:creator>zhicheng-docs</dc:creator>');
    expect(core).toContain('<cp:keywords>职称; 公示</cp:keywords>');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(core).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${CREATED.toISOString().slice(0, 19)}Z</dcterms:created>`,
    );
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-09-04T08:30:00Z</dcterms:modified>');
  });

  it('gives the same bytes for the same model, however far apart the renders are', async () => {
    const a = await renderDocx(notice);
    // The ZIP stores times in 2-second steps: wait past one.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const b = await renderDocx({ ...notice, meta: { ...notice.meta, createdAt: new Date('2024-09-05T08:30:00Z') } });
    const c = await renderDocx(notice);
    expect(Buffer.from(c).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(false);
  });
});

describe('renderDocx: landscape, of-total page numbers, page breaks', () => {
  it('sets A4 landscape with the model margins and no mirroring', async () => {
    const bytes = await renderDocx(formDoc);
    const xml = docXml(bytes);
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1417"/);
    const settings = zipPart(bytes, 'word/settings.xml');
    expect(settings).not.toContain('mirrorMargins');
    expect(settings).not.toContain('evenAndOddHeaders');
  });

  it('writes "第 PAGE 页 共 NUMPAGES 页" centred', async () => {
    const footer = zipPart(await renderDocx(formDoc), 'word/footer1.xml');
    expect(footer).toContain('<w:jc w:val="center"/>');
    expect(footer).toMatch(
      /第 <\/w:t>[\s\S]*>PAGE<\/w:instrText>[\s\S]* 页 共 <\/w:t>[\s\S]*>NUMPAGES<\/w:instrText>[\s\S]* 页<\/w:t>/,
    );
  });

  it('starts the block after a page break on a new page', async () => {
    const xml = docXml(await renderDocx(formDoc));
    expect(xml).toMatch(/<w:pageBreakBefore\/>[\s\S]*?第二页/);
  });
});
