/**
 * Different applicants for the benchmarks: the fixture dossier of 张玥 with
 * another name, ID number (valid check digit, same birth date and gender),
 * phone and work summary each time, so every render has new glyphs and no
 * subset is reused from the previous one.
 */
import { readFileSync } from 'node:fs';
import { DossierSchema, type Dossier } from '../src/domain/dossier.js';
import { idCheckChar } from '../src/domain/id-number.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红鹏辉建国峰飞鑫波宁宇浩凯健俊帆帅旭晨阳雪梅琳颖婷倩慧晶莉燕佳欣悦琪瑶怡彤蕾薇璐岚蓉菲嘉雯露琼珊';

const base = JSON.parse(
  readFileSync(new URL('../test/fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8'),
) as Dossier;

function pick(chars: string, n: number): string {
  const list = Array.from(chars);
  return list[n % list.length]!;
}

/** The i-th different applicant (deterministic: the same i gives the same dossier). */
export function applicant(i: number): Dossier {
  const raw = structuredClone(base) as Dossier & Record<string, unknown>;
  const name = pick(SURNAMES, i * 7) + pick(GIVEN, i * 13 + 1) + (i % 3 === 0 ? '' : pick(GIVEN, i * 29 + 5));
  // Same region, birth date and gender digit parity; another sequence number and its check digit.
  const id17 =
    raw.applicant.idNumber.slice(0, 14) + String((i * 2) % 100).padStart(2, '0') + raw.applicant.idNumber[16];
  raw.applicant = {
    ...raw.applicant,
    name,
    idNumber: id17 + idCheckChar(id17),
    phone: `139${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`,
  };
  raw.workSummary = `${raw.workSummary}${pick(GIVEN, i * 3)}${pick(SURNAMES, i * 5 + 2)}${i}。`;
  return DossierSchema.parse(raw);
}
