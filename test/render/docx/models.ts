/** Small document models for the DOCX tests (forms are built elsewhere). */
import type { Document, TableBlock } from '../../../src/document/model.js';
import { GBT9704_LINE_PITCH, GBT9704_PAGE } from '../../../src/document/model.js';

export const CREATED = new Date('2024-09-04T08:30:00Z');

export const notice: Document = {
  meta: { title: '推荐单位公示', subject: '档案系列职称', keywords: ['职称', '公示'], createdAt: CREATED },
  page: { ...GBT9704_PAGE, mirrored: true },
  base: { font: 'fangsong', size: 16, lineHeight: GBT9704_LINE_PITCH },
  pageNumbers: 'dash',
  watermark: { text: '档案系列职称评审专用', subtext: 'No.2024-0007' },
  blocks: [
    { type: 'heading', level: 0, runs: [{ text: '关于阿依古丽·买买提同志申报馆员的公示' }] },
    {
      type: 'paragraph',
      firstLineIndent: 2,
      runs: [
        { text: '根据巴州档案局通知要求，现将' },
        { text: '阿依古丽·买买提', style: { underline: true } },
        { text: '同志申报情况公示如下。\n公示期：5个工作日' },
      ],
    },
    { type: 'heading', level: 1, runs: [{ text: '一、基本情况' }] },
    {
      type: 'paragraph',
      firstLineIndent: 2,
      indentLeft: 1,
      indentRight: 1,
      spaceBefore: 6,
      spaceAfter: 3,
      runs: [{ text: '身份证号652801198503120020。' }],
    },
    {
      type: 'signature',
      sealSpace: 20,
      lines: [{ text: '巴州档案局（公章）' }, { text: '联系人：', blank: 6 }, { text: '2024年9月4日' }],
    },
  ],
};

export const form: TableBlock = {
  type: 'table',
  columns: [2, 3, 2, 3],
  headerRows: 1,
  style: { font: 'song', size: 12 },
  caption: { runs: [{ text: '表1 基本情况' }] },
  rows: [
    {
      cells: [
        { label: true, paragraphs: [{ runs: [{ text: '姓名' }] }] },
        { paragraphs: [{ runs: [{ text: '张悦' }] }] },
        { label: true, rowSpan: 2, paragraphs: [{ runs: [{ text: '照片' }] }] },
        { rowSpan: 2, paragraphs: [] },
      ],
    },
    {
      minHeight: 25,
      cells: [
        { label: true, paragraphs: [{ runs: [{ text: '身份证号' }] }] },
        { vAlign: 'top', paragraphs: [{ runs: [{ text: '65280119900101001X' }] }] },
      ],
    },
    {
      cells: [
        { label: true, paragraphs: [{ runs: [{ text: '工作经历' }] }] },
        { colSpan: 3, paragraphs: [{ runs: [{ text: '2012年7月至今 库尔勒市档案馆' }] }] },
      ],
    },
  ],
};

export const formDoc: Document = {
  meta: { title: '专业技术职务评审表', createdAt: CREATED },
  page: { size: 'A4', orientation: 'landscape', margins: { top: 20, bottom: 20, inner: 25, outer: 15 } },
  base: { font: 'song', size: 12, lineHeight: 20 },
  pageNumbers: 'of-total',
  blocks: [form, { type: 'pageBreak' }, { type: 'paragraph', runs: [{ text: '第二页' }] }],
};
