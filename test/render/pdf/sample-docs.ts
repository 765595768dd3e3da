/** Document models for the PDF renderer's tests and benchmark. */
import {
  GBT9704_LINE_PITCH,
  GBT9704_PAGE,
  type Block,
  type Document,
  type TableRow,
} from '../../../src/document/model.js';

const CREATED = new Date('2024-09-04T08:00:00Z');

export const NOTICE_BODY = [
  '根据《关于做好2024年度巴州档案系列专业技术职务任职资格评审工作的通知》（巴档字〔2024〕12号）要求，经个人申报、单位推荐，现将申报人员阿依古丽·买买提、张玥的基本情况予以公示。',
  '公示期为2024年9月4日至2024年9月10日，共5个工作日。公示期间，如对公示对象有异议，请以书面形式向单位人事部门反映。',
  '反映问题应实事求是，客观公正。以单位名义反映的，须加盖单位公章；以个人名义反映的，须署真实姓名并提供联系方式——匿名材料不予受理……',
  '申报人员近五年年度考核均为“合格”以上等次，继续教育公需科目累计完成30课时，专业科目完成60课时，完成率100%。',
  '联系人：王老师；联系电话：0996-2021234（工作日上午10:00—13:30）。Email: dangan@example.org.cn, please include the applicant name.',
  '特此公示。',
];

/** A typical one-page GB/T 9704 notice: title, six paragraphs, signature. */
export function noticeDocument(overrides: Partial<Document> = {}): Document {
  const blocks: Block[] = [
    { type: 'heading', level: 0, runs: [{ text: '关于档案系列职称申报人员的公示' }] },
    ...NOTICE_BODY.map((text): Block => ({ type: 'paragraph', firstLineIndent: 2, runs: [{ text }] })),
    { type: 'signature', sealSpace: 10, lines: [{ text: '巴音郭楞蒙古自治州档案局' }, { text: '2024年9月4日' }] },
  ];
  return {
    meta: {
      title: '公示',
      author: '巴州档案局',
      subject: '职称申报公示',
      keywords: ['职称', '公示'],
      createdAt: CREATED,
    },
    page: GBT9704_PAGE,
    base: { font: 'fangsong', size: 16, lineHeight: GBT9704_LINE_PITCH },
    pageNumbers: 'dash',
    blocks,
    ...overrides,
  };
}

/** A table document: `rows` body rows under one header row. */
export function tableDocument(rows: readonly TableRow[], overrides: Partial<Document> = {}): Document {
  return noticeDocument({
    blocks: [
      {
        type: 'table',
        columns: [1, 2, 3],
        headerRows: 1,
        style: { font: 'song', size: 12 },
        rows: [
          {
            cells: [
              { label: true, paragraphs: [{ runs: [{ text: '序号' }] }] },
              { label: true, paragraphs: [{ runs: [{ text: '姓名' }] }] },
              { label: true, paragraphs: [{ runs: [{ text: '工作单位' }] }] },
            ],
          },
          ...rows,
        ],
      },
    ],
    ...overrides,
  });
}

export function textCell(text: string, extra: object = {}) {
  return { paragraphs: [{ runs: [{ text }] }], ...extra };
}
