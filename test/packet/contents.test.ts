/**
 * POST /v1/packets/contents: what a packet would hold item by item, the 件数 附件6
 * prints, and missing required material as a finding (also in /v1/checks).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, fakeRender, type Json, makeApp, postJson } from '../http/helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({}, { render: { renderDocument: fakeRender } });
});
afterAll(() => app.close());

describe('POST /v1/packets/contents', () => {
  it('lists the 13 items with documents, scans, counts and what is missing', async () => {
    const res = await postJson(app, '/v1/packets/contents', {
      dossier: dossier('zhang-yue-intermediate'),
      scans: { item6: 2, item10: 1, item2: 1, item11: 1 },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as { items: Json[]; findings: Json[] };
    expect(body.items).toHaveLength(13);
    expect(body.items[0]).toEqual({
      item: 1,
      field: 'item1',
      name: '现实表现政治鉴定（原件）',
      documents: ['political-appraisal'],
      scans: 0,
      count: 1,
      required: true,
      missing: false,
    });
    const byItem = (n: number) => body.items[n - 1]!;
    expect(byItem(3).documents).toEqual(['publicity-notice', 'publicity-result']);
    expect(byItem(4).count).toBe(2);
    expect(byItem(6)).toMatchObject({ scans: 2, count: 2, missing: false });
    expect(byItem(7)).toMatchObject({ documents: ['work-summary'], count: 1 });
    expect(byItem(5)).toMatchObject({ documents: [], scans: 0, count: 0, required: true, missing: true });
    expect(byItem(13)).toMatchObject({ required: false, missing: false });
    const missing = body.findings.filter((finding) => finding.code === 'MATERIAL_MISSING');
    // 继续教育 (5), and 论文 (9): 张玥's dossier lists a paper, so the paper itself is due.
    expect(missing.map((finding) => finding.path)).toEqual(['/files/item5', '/files/item9']);
    expect(missing[0]).toMatchObject({ severity: 'warning' });
    expect(missing[0]!.message).toContain('第5项“继续教育合格证书”');
    // The rule checks come along, as /v1/checks gives them.
    const checks = (await postJson(app, '/v1/checks', dossier('zhang-yue-intermediate'))).json() as {
      findings: Json[];
    };
    for (const finding of checks.findings.filter((f) => f.code !== 'MATERIAL_MISSING'))
      expect(body.findings).toContainEqual(finding);
  });

  it('counts 附件4 under item 5 for an exempt applicant', async () => {
    const res = await postJson(app, '/v1/packets/contents', { dossier: dossier('ayguli-junior') });
    expect(res.statusCode).toBe(200);
    const item5 = (res.json() as { items: Json[] }).items[4]!;
    expect(item5).toMatchObject({ documents: ['ce-exemption'], count: 1, missing: false });
  });

  it('refuses an unknown scan field and an invalid dossier with 422 at their paths', async () => {
    const badField = await postJson(app, '/v1/packets/contents', {
      dossier: dossier('ayguli-junior'),
      scans: { item14: 1 },
    });
    expect(badField.statusCode).toBe(422);
    expect(JSON.stringify(badField.json().details)).toContain('/scans');
    const bad = dossier('ayguli-junior');
    bad.applicant.idNumber = '652801198503120021';
    const badDossier = await postJson(app, '/v1/packets/contents', { dossier: bad });
    expect(badDossier.statusCode).toBe(422);
    expect(badDossier.json().details[0].path).toBe('/dossier/applicant/idNumber');
  });
});

describe('POST /v1/checks and missing material', () => {
  it('warns of required items neither made nor listed in materials, naming item and number', async () => {
    const res = await postJson(app, '/v1/checks', dossier('zhang-yue-intermediate'));
    const missing = (res.json() as { findings: Json[] }).findings.filter((f) => f.code === 'MATERIAL_MISSING');
    // The service makes none of 单位性质证明 (2), 继续教育合格证书 (5), 身份证 (6), 论文 (9), 考核表 (10), 学历证明 (11).
    expect(missing.map((f) => f.message.match(/第(\d+)项/)?.[1])).toEqual(['2', '5', '6', '9', '10', '11']);
    for (const finding of missing) expect(finding).toMatchObject({ severity: 'warning', path: '/materials' });
    const listed = dossier('zhang-yue-intermediate');
    listed.materials = [
      { name: '所在单位性质证明', count: 1 },
      { name: '继续教育合格证书', count: 5 },
      { name: '身份证复印件', count: 1 },
      { name: '论文', count: 1 },
      { name: '年度考核表', count: 3 },
      { name: '学历证书', count: 2 },
    ];
    const none = (await postJson(app, '/v1/checks', listed)).json() as { findings: Json[] };
    expect(none.findings.filter((f) => f.code === 'MATERIAL_MISSING')).toEqual([]);
  });
});
