/**
 * Chinese line breaking: each rule of docs/domain.md on its own, then a property
 * test over random mixed paragraphs laid out with the real fonts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFontLibrary } from '../../../src/fonts/library.js';
import { breakLines, type BreakInput } from '../../../src/render/pdf/line-break.js';
import { NO_END, NO_START, breakOpportunities } from '../../../src/render/pdf/line-break-rules.js';
import { layoutParagraph, type LaidParagraph, type ParagraphDefaults } from '../../../src/render/pdf/text-layout.js';

/** The text with "|" where a line may start. */
function marks(text: string): string {
  const chars = Array.from(text);
  const allowed = breakOpportunities(chars);
  return chars.map((c, i) => (allowed[i] ? `|${c}` : c)).join('');
}

/** Break input where every character is 1 wide and full-width punctuation may shrink by half. */
function unit(text: string): BreakInput {
  const chars = Array.from(text);
  return {
    chars,
    widths: chars.map(() => 1),
    shrink: chars.map((c) => ('，。、；：）》”（《“'.includes(c) ? 0.5 : 0)),
    allowed: breakOpportunities(chars),
  };
}

function lines(text: string, width: number): string[] {
  const inp = unit(text);
  return breakLines(inp, () => width).map((l) => inp.chars.slice(l.start, l.contentEnd).join(''));
}

describe('break opportunities', () => {
  it('never before a closing mark, never after an opening one', () => {
    expect(marks('好，是。对')).toBe('好，|是。|对');
    expect(marks('说（好）《书》“引”')).toBe('说|（好）|《书》|“引”');
    for (const c of '，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}')
      expect(marks(`字${c}字`).startsWith(`字|${c}`)).toBe(false);
    for (const c of '（《「『【〔〈“‘([{') expect(marks(`字${c}字`)).not.toContain(`${c}|`);
  });

  it('keeps —— and …… whole and off the line start', () => {
    expect(marks('甲——乙……丙')).toBe('甲——|乙……|丙');
  });

  it('keeps numbers with their units and dates whole', () => {
    expect(marks('共30课时完成')).toBe('共|30课时|完|成');
    expect(marks('占10%的')).toBe('占|10%|的');
    expect(marks('于2024年9月4日发')).toBe('于|2024年9月4日|发');
    expect(marks('2024年')).toBe('2024年');
  });

  it('breaks Latin only between words', () => {
    expect(marks('hello world test')).toBe('hello |world |test');
  });

  it('counts code points, not UTF-16 units', () => {
    const chars = Array.from('𠀀𠀁，𠀂');
    const allowed = breakOpportunities(chars);
    expect(allowed).toHaveLength(4);
    expect(allowed[1]).toBe(true);
    expect(allowed[2]).toBe(false);
  });
});

describe('breakLines', () => {
  it('squeezes a closing mark onto the line rather than pushing a character down', () => {
    expect(lines('一二三四，五六', 4.5)).toEqual(['一二三四，', '五六']);
  });

  it('pushes the previous character down when squeezing is not enough', () => {
    expect(lines('一二三四，五六', 4.2)).toEqual(['一二三', '四，五六']);
  });

  it('splits a word longer than the line by characters and never clips', () => {
    expect(lines('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('leaves no single orphan character on the last line when avoidable', () => {
    expect(lines('一二三四五', 4)).toEqual(['一二三', '四五']);
  });

  it('leaves no orphan in ragged text either, where a shorter first line is cheap (labels: 政治 | 面貌)', () => {
    const inp = unit('政治面貌');
    const text = (opts: Parameters<typeof breakLines>[2]) =>
      breakLines(inp, () => 3, opts).map((l) => inp.chars.slice(l.start, l.contentEnd).join(''));
    expect(text({ ragged: true })).toEqual(['政治', '面貌']);
    // Justified, the first line would spread a whole em over one gap: the orphan is the lesser evil there.
    expect(text({})).toEqual(['政治面', '貌']);
  });

  it('drops break spaces at line ends', () => {
    expect(lines('ab cd ef', 5)).toEqual(['ab cd', 'ef']);
  });
});

const lib = getFontLibrary();
const DEFAULTS: ParagraphDefaults = {
  style: { font: 'song', size: 16, bold: false, underline: false },
  align: 'justify',
  lineHeight: () => 28,
};

function lineTexts(p: LaidParagraph): string[] {
  return p.lines.map((l) => l.glyphs.map((g) => g.item.ch).join(''));
}

describe('layoutParagraph', () => {
  it('justifies every line but the last to the full measure', () => {
    const p = layoutParagraph(
      { runs: [{ text: '汉字排版需要两端对齐，English words mixed in，还有标点。'.repeat(4) }] },
      DEFAULTS,
      300,
      lib,
    );
    expect(p.lines.length).toBeGreaterThan(2);
    p.lines.forEach((l, i) => {
      const last = l.glyphs[l.glyphs.length - 1]!;
      const right = last.x + last.advance;
      if (i < p.lines.length - 1) expect(right).toBeCloseTo(300, 3);
      else expect(right).toBeLessThanOrEqual(300 + 1e-6);
    });
  });

  it('breaks at "\\n", indents the first line by characters, aligns centre and right', () => {
    const p = layoutParagraph({ runs: [{ text: '第一行\n第二行' }], firstLineIndent: 2 }, DEFAULTS, 300, lib);
    expect(lineTexts(p)).toEqual(['第一行', '第二行']);
    expect(p.lines[0]!.glyphs[0]!.x).toBeCloseTo(32, 3);
    expect(p.lines[1]!.glyphs[0]!.x).toBe(0);
    const c = layoutParagraph({ runs: [{ text: '居中' }], align: 'center' }, DEFAULTS, 300, lib);
    expect(c.lines[0]!.glyphs[0]!.x).toBeCloseTo(150 - 16, 3);
    const r = layoutParagraph({ runs: [{ text: '居右' }], align: 'right' }, DEFAULTS, 300, lib);
    expect(r.lines[0]!.glyphs[0]!.x).toBeCloseTo(300 - 32, 3);
  });
});

// Property test: random mixed paragraphs at random widths.
const CJK = Array.from('档案职称评审申报材料单位推荐公示期工作日继续教育学时考核合格等次人员情况');
const word = fc.oneof(
  fc.constantFrom(...CJK).chain((a) => fc.constantFrom(...CJK).map((b) => a + b)),
  fc.stringMatching(/^[a-z]{1,10}$/).map((w) => `${w} `),
  fc.constantFrom('2024年', '30课时', '10%', '2024年9月4日', '60', '第3条', '阿依古丽·买买提'),
);
const closing = fc.constantFrom('', '', '', '，', '。', '、', '；', '：', '？', '！', '）', '》', '”');
const opening = fc.constantFrom('', '', '', '', '（', '《', '“');
// A dash or ellipsis sits between words, as in real text (a line of nothing but marks cannot be broken by any rule).
const part = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(opening, word, closing).map(([o, t, c]) => o + t + c) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('——', '……'), word).map(([d, t]) => d + t) },
);
const paragraphText = fc.array(part, { minLength: 1, maxLength: 40 }).map((parts) => `起${parts.join('')}`);

describe('line breaking property', () => {
  it('never overflows, never breaks against the rules, loses no character', () => {
    fc.assert(
      fc.property(paragraphText, fc.integer({ min: 6, max: 30 }), (text, ems) => {
        const width = ems * 16;
        const p = layoutParagraph({ runs: [{ text }] }, DEFAULTS, width, lib);
        const texts = lineTexts(p);
        p.lines.forEach((l, i) => {
          const drawn = l.glyphs.filter((g) => !g.item.space);
          const last = drawn[drawn.length - 1];
          if (last) expect(last.x + last.advance).toBeLessThanOrEqual(width + 1e-6);
          const first = Array.from(texts[i]!.trimStart())[0];
          const end = Array.from(texts[i]!.trimEnd()).pop();
          if (i > 0 && first)
            expect(NO_START.has(first), `line ${i} starts with ${first}: ${texts.join(' | ')}`).toBe(false);
          if (i < p.lines.length - 1 && end)
            expect(NO_END.has(end), `line ${i} ends with ${end}: ${texts.join(' | ')}`).toBe(false);
        });
        expect(texts.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('adjacent punctuation', () => {
  it('sets two adjacent full-width marks in one and a half ems, not two', () => {
    const p = layoutParagraph({ runs: [{ text: '甲）。乙（《丙' }], align: 'left' }, DEFAULTS, 400, lib);
    const g = p.lines[0]!.glyphs;
    const at = (ch: string) => g.find((x) => x.item.ch === ch)!;
    // "）" loses its right half before "。".
    expect(at('。').x - at('）').x).toBeCloseTo(8, 3);
    // "《" after "（" loses its left half: drawn half an em left of its pen position.
    expect(at('《').x - at('（').x).toBeCloseTo(8, 3);
    expect(at('丙').x - at('乙').x).toBeCloseTo(16 + 16 + 8, 3);
  });
});
