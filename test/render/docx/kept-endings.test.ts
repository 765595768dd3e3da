/** The last two ideographs before each end of a line become one unbreakable run (kept-endings.ts). */
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/document/model.js';
import { withEndingKept } from '../../../src/render/docx/kept-endings.js';

const kept = (runs: readonly Run[], breaks: number[] = []) =>
  withEndingKept(runs, Array.from(runs.map((r) => r.text).join('')), breaks).map((r) =>
    r.noBreak ? `[${r.text}]` : r.text,
  );

describe('withEndingKept', () => {
  it('glues the two ideographs before the end, leaving the closing marks free', () => {
    expect(kept([{ text: '未受到任何处分。' }])).toEqual(['未受到任何', '[处分]', '。']);
    expect(kept([{ text: '数字化' }])).toEqual(['数', '[字化]']);
  });

  it('does the same before each "\\n" and each break about to be added', () => {
    expect(kept([{ text: '第一段结束。\n第二段开始' }])).toEqual(['第一段', '[结束]', '。\n第二段', '[开始]']);
    expect(kept([{ text: '甲乙丙丁戊己' }], [3])).toEqual(['甲', '[乙丙]', '丁', '[戊己]']);
  });

  it('takes in a date or number with its unit the ending falls in, and leaves Latin and digits alone', () => {
    expect(kept([{ text: '累计16年7个月。' }])).toEqual(['累计16年', '[7个月]', '。']);
    // A number before the last ideograph: no two ideographs end it (no-break.ts glues 411卷 itself).
    expect(kept([{ text: '完成档案411卷。' }])).toEqual(['完成档案411卷。']);
    expect(kept([{ text: 'version 2.0' }])).toEqual(['version 2.0']);
  });

  it('keeps a run that was unbreakable already, and its style', () => {
    const style = { bold: true };
    expect(
      kept([
        { text: '申报人', style },
        { text: '张玥', noBreak: true },
      ]),
    ).toEqual(['申报人', '[张玥]']);
    const out = withEndingKept([{ text: '任何处分', style }], Array.from('任何处分'));
    expect(out.every((r) => r.style === style)).toBe(true);
  });
});
