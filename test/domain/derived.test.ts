import { describe, expect, it } from 'vitest';
import {
  archivesExperience,
  assessmentPostponementYears,
  continuingEducationWindow,
  defenseExemptionReason,
  formatExperience,
  maskName,
  titleLevel,
} from '../../src/domain/derived.js';
import { parseDossier } from '../../src/domain/parse.js';
import type { Dossier } from '../../src/domain/dossier.js';
import { fixture } from './helpers.js';

function dossier(
  name: Parameters<typeof fixture>[0],
  edit: (d: ReturnType<typeof fixture>) => void = () => {},
): Dossier {
  const raw = fixture(name);
  edit(raw);
  const r = parseDossier(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('titleLevel', () => {
  it('puts 管理员 and 助理馆员 at 初级, 馆员 at 中级', () => {
    expect(titleLevel('管理员')).toBe('初级');
    expect(titleLevel('助理馆员')).toBe('初级');
    expect(titleLevel('馆员')).toBe('中级');
  });
});

describe('archivesExperience', () => {
  it('counts months inclusively', () => {
    expect(archivesExperience([{ from: '2008-03', to: '2008-05' }])).toEqual({ years: 0, months: 3, totalMonths: 3 });
    const ayguli = dossier('ayguli-junior');
    // 2008-03 … 2024-09 joined up: 16 years 7 months.
    expect(archivesExperience(ayguli.workHistory)).toEqual({ years: 16, months: 7, totalMonths: 199 });
  });

  it('does not count overlapping months twice and stops at until', () => {
    const periods = [
      { from: '2010-01', to: '2012-12' },
      { from: '2012-07', to: '2013-06' },
      { from: '2020-01', to: '2020-12' },
    ];
    expect(archivesExperience(periods).totalMonths).toBe(42 + 12);
    expect(archivesExperience(periods, '2012-12').totalMonths).toBe(36);
    expect(archivesExperience(periods, '2020-03-15').totalMonths).toBe(42 + 3);
    expect(formatExperience(archivesExperience(periods))).toBe('4年6个月');
  });
});

describe('defenseExemptionReason', () => {
  it('gives 初级 first', () => {
    expect(defenseExemptionReason(dossier('bater-initial'))).toBe('申报初级专业技术职务任职资格');
  });

  it('names 若羌县 for the 中级 applicant there', () => {
    expect(defenseExemptionReason(dossier('zhang-yue-intermediate'))).toBe('在若羌县工作');
  });

  it('sees a 访惠聚 posting in the work history', () => {
    const d = dossier('zhang-yue-intermediate', (r) => {
      r.workHistory[1].post = '“访惠聚”驻村工作队员';
    });
    expect(defenseExemptionReason(d)).toBe('参加“访惠聚”驻村工作');
  });

  it('treats county and township units as 县级以下 and prefecture units as not', () => {
    const county = dossier('zhang-yue-intermediate', (r) => {
      r.applicant.county = '库尔勒市';
      r.application.defenseExemption = null;
    });
    expect(defenseExemptionReason(county)).toBe('在县级以下基层单位工作');
    const prefecture = dossier('zhang-yue-intermediate', (r) => {
      r.applicant.county = '库尔勒市';
      r.applicant.unitLevel = 'prefecture';
      r.application.defenseExemption = null;
    });
    expect(defenseExemptionReason(prefecture)).toBeNull();
    const stated = dossier('zhang-yue-intermediate', (r) => {
      r.applicant.county = '库尔勒市';
      r.applicant.unitLevel = 'prefecture';
      r.application.defenseExemption = '担任深度贫困村第一书记';
    });
    expect(defenseExemptionReason(stated)).toBe('担任深度贫困村第一书记');
  });
});

describe('maskName', () => {
  it('keeps the first and last character of each part', () => {
    expect(maskName('阿依古丽·买买提')).toBe('阿**丽·买*提');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('巴特尔')).toBe('巴*尔');
  });

  it('never shows a two-character name whole', () => {
    expect(maskName('张玥')).toBe('张*');
    expect(maskName('𠀀𠀁')).toBe('𠀀*');
  });
});

describe('postponement and windows', () => {
  it('adds a year for 基本合格 and two for 不合格', () => {
    expect(assessmentPostponementYears([{ result: '合格' }, { result: '基本合格' }, { result: '不合格' }])).toBe(3);
    expect(assessmentPostponementYears([{ result: '优秀' }, { result: '称职' }])).toBe(0);
  });

  it('uses the notice windows for 2024', () => {
    expect(continuingEducationWindow('初级', 2024)).toEqual({
      publicYears: [2023, 2024],
      professionalYears: [2023, 2024],
    });
    expect(continuingEducationWindow('中级', 2024)).toEqual({
      publicYears: [2020, 2021, 2022, 2023, 2024],
      professionalYears: [2022, 2023, 2024],
    });
  });
});
