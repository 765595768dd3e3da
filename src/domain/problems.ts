/**
 * Turning zod issues into the API's Problems ({ path, code, message, messageEn }).
 *
 * Our own rules add zod "custom" issues whose params carry the stable code and
 * the English message (see addProblem); zod's generic issues (missing field,
 * wrong type, value not in a list …) are translated here, so a caller always
 * gets Chinese and English wording and a code it can switch on.
 */
import type { z } from 'zod';
import type { Problem } from '../errors.js';

export const REQUIRED_ZH = '必填项缺失';
export const REQUIRED_EN = 'This field is required';

/** Params our custom issues carry. */
interface ProblemParams {
  readonly code: string;
  readonly messageEn: string;
}

type Ctx = Pick<z.RefinementCtx, 'addIssue'>;

/** Adds a coded problem (zh message + params.code + params.messageEn) at `path`, relative to the refined value. */
export function addProblem(ctx: Ctx, path: readonly PropertyKey[], code: string, zh: string, en: string): void {
  ctx.addIssue({
    code: 'custom',
    path: [...path],
    message: zh,
    params: { code, messageEn: en } satisfies ProblemParams,
  });
}

/**
 * Error option for schemas whose absence is a "required" problem. zod reports a
 * missing key as invalid_type with input undefined; this names it plainly.
 */
export const requiredError = {
  error: (issue: { input?: unknown }): string | undefined => (issue.input === undefined ? REQUIRED_ZH : undefined),
};

/** RFC 6901 JSON pointer for a zod path, under basePath ("" or "/dossiers/0"). */
function toPointer(path: readonly PropertyKey[], basePath = ''): string {
  const parts = path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`);
  return basePath.replace(/\/$/, '') + parts.join('');
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  null: 'null',
};

function problemFromIssue(issue: z.core.$ZodIssue, basePath: string): Problem {
  const path = toPointer(issue.path, basePath);
  const params = (issue as { params?: Partial<ProblemParams> }).params;
  if (issue.code === 'custom' && typeof params?.code === 'string') {
    return { path, code: params.code, message: issue.message, messageEn: params.messageEn ?? issue.message };
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.message === REQUIRED_ZH || /received undefined|undefined$/.test(issue.message)) {
        return { path, code: 'REQUIRED', message: REQUIRED_ZH, messageEn: REQUIRED_EN };
      }
      const expected = String(issue.expected);
      return {
        path,
        code: 'INVALID_TYPE',
        message: `类型错误，应为${TYPE_ZH[expected] ?? expected}`,
        messageEn: `Wrong type: expected ${expected}`,
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      return {
        path,
        code: 'INVALID_VALUE',
        message: `取值无效，可选值：${values.join('、')}`,
        messageEn: `Invalid value; allowed values: ${values.join(', ')}`,
      };
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { path, code: 'TOO_FEW', message: `至少需要 ${n} 项`, messageEn: `At least ${n} item(s) required` };
      }
      if (issue.origin === 'string') {
        return {
          path,
          code: 'TOO_SHORT',
          message: `不能少于 ${n} 个字符`,
          messageEn: `Must have at least ${n} characters`,
        };
      }
      return {
        path,
        code: 'TOO_SMALL',
        message: issue.inclusive === false ? `应大于 ${n}` : `不能小于 ${n}`,
        messageEn: issue.inclusive === false ? `Must be greater than ${n}` : `Must be at least ${n}`,
      };
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { path, code: 'TOO_MANY', message: `最多 ${n} 项`, messageEn: `At most ${n} item(s) allowed` };
      }
      if (issue.origin === 'string') {
        return {
          path,
          code: 'TOO_LONG',
          message: `不能超过 ${n} 个字符`,
          messageEn: `Must have at most ${n} characters`,
        };
      }
      return {
        path,
        code: 'TOO_BIG',
        message: issue.inclusive === false ? `应小于 ${n}` : `不能大于 ${n}`,
        messageEn: issue.inclusive === false ? `Must be less than ${n}` : `Must be at most ${n}`,
      };
    }
    case 'invalid_format':
      return { path, code: 'INVALID_FORMAT', message: '格式不正确', messageEn: `Invalid format (${issue.format})` };
    case 'not_multiple_of':
      return {
        path,
        code: 'INVALID_VALUE',
        message: `应为 ${String(issue.divisor)} 的倍数`,
        messageEn: `Must be a multiple of ${String(issue.divisor)}`,
      };
    case 'unrecognized_keys':
      // Split into one problem per key by problemsFromIssue; kept for a single key.
      return unknownKeyProblem([...issue.path, issue.keys[0] ?? ''], basePath);
    default:
      return { path, code: 'INVALID_VALUE', message: '取值无效', messageEn: issue.message || 'Invalid value' };
  }
}

/** Every issue of a zod error as a Problem, in zod's order, without exact duplicates. */
export function problemsFromZodError(error: z.ZodError, basePath = ''): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    for (const problem of problemsFromIssue(issue, basePath)) {
      const key = `${problem.path}\u0000${problem.code}\u0000${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * A misspelt key (`workSumary`) is never dropped silently: each unknown key is
 * its own problem at its own path, so a caller sees exactly which field to fix.
 */
function problemsFromIssue(issue: z.core.$ZodIssue, basePath: string): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => unknownKeyProblem([...issue.path, key], basePath));
  }
  return [problemFromIssue(issue, basePath)];
}

/** UNKNOWN_KEY at the key's own JSON pointer. */
function unknownKeyProblem(path: readonly PropertyKey[], basePath = ''): Problem {
  const key = String(path[path.length - 1] ?? '');
  return {
    path: toPointer(path, basePath),
    code: 'UNKNOWN_KEY',
    message: `不认识的字段“${key}”，请检查拼写`,
    messageEn: `Unknown field "${key}"; check its spelling`,
  };
}

/** Every code a dossier or roster validation can report, for documentation. */
export const VALIDATION_CODES = [
  // zod's generic issues, translated above
  'REQUIRED',
  'INVALID_TYPE',
  'INVALID_VALUE',
  'INVALID_FORMAT',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_BIG',
  'TOO_FEW',
  'TOO_MANY',
  'UNKNOWN_KEY',
  // the dossier rules (dossier.ts)
  'ID_FORMAT',
  'ID_PROVINCE',
  'ID_BIRTHDATE_INVALID',
  'ID_CHECKSUM',
  'ID_GENDER_MISMATCH',
  'ID_BIRTHDATE_MISMATCH',
  'NAME_TOO_LONG',
  'NAME_DIGITS',
  'NAME_DOT_POSITION',
  'ETHNICITY_UNKNOWN',
  'POLITICAL_STATUS_UNKNOWN',
  'PHONE_INVALID',
  'YEAR_MONTH_INVALID',
  'DATE_INVALID',
  'DATE_RANGE_ORDER',
  'YEAR_IMPLAUSIBLE',
  'YEAR_DUPLICATE',
  'TITLE_LADDER',
  'CURRENT_TITLE_REQUIRED',
] as const;
