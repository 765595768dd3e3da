import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearTemplateCache,
  formTemplates,
  preloadTemplates,
  renderText,
  splitParagraphs,
  templatesDir,
} from '../../src/text/index.js';

function withTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
  for (const [path, body] of Object.entries(files)) {
    const [form, name] = path.split('/') as [string, string];
    mkdirSync(join(dir, form), { recursive: true });
    writeFileSync(join(dir, form, `${name}.hbs`), body);
  }
  process.env.TEMPLATES_DIR = dir;
  clearTemplateCache();
  return dir;
}

afterEach(() => {
  delete process.env.TEMPLATES_DIR;
  clearTemplateCache();
});

describe('renderText', () => {
  it('fills a template from the repo templates directory', () => {
    expect(templatesDir()).toMatch(/templates$/);
    const text = renderText('publicity-result', 'title', {});
    expect(text.trim()).toBe('推荐单位公示结果');
  });

  it('does not escape HTML characters (document text, not HTML)', () => {
    withTemplates({ 'demo/body': '单位：{{unit}}' });
    expect(renderText('demo', 'body', { unit: 'A&B "档案" <馆>' })).toBe('单位：A&B "档案" <馆>');
  });

  it('throws on a variable the data lacks (strict)', () => {
    withTemplates({ 'demo/body': '{{name}}同志{{missing}}' });
    expect(() => renderText('demo', 'body', { name: '张玥' })).toThrow(/missing/);
  });

  it('throws on an unknown template', () => {
    withTemplates({ 'demo/body': 'x' });
    expect(() => renderText('demo', 'nothing', {})).toThrow(/nothing\.hbs/);
    expect(() => renderText('no-such-form', 'body', {})).toThrow(/no-such-form/);
  });

  it('reads TEMPLATES_DIR, so an operator can change wording without code', () => {
    withTemplates({ 'pledge/title': '个人承诺书（修订）' });
    expect(renderText('pledge', 'title', {})).toBe('个人承诺书（修订）');
  });

  it('reads a template from disk once and caches it', () => {
    const dir = withTemplates({ 'demo/body': '第一版{{n}}' });
    expect(renderText('demo', 'body', { n: 1 })).toBe('第一版1');
    writeFileSync(join(dir, 'demo', 'body.hbs'), '第二版{{n}}');
    expect(renderText('demo', 'body', { n: 2 })).toBe('第一版2');
    clearTemplateCache();
    expect(renderText('demo', 'body', { n: 3 })).toBe('第二版3');
  });

  it('has no helpers from the global Handlebars instance', async () => {
    const Handlebars = (await import('handlebars')).default;
    Handlebars.registerHelper('shout', (s: string) => s.toUpperCase());
    withTemplates({ 'demo/body': '{{shout name}}' });
    expect(() => renderText('demo', 'body', { name: 'a' })).toThrow();
    Handlebars.unregisterHelper('shout');
  });
});

describe('preloadTemplates', () => {
  it('compiles every form directory of the repo templates', () => {
    const ids = preloadTemplates();
    for (const id of [
      'publicity-notice',
      'publicity-result',
      'pledge',
      'ce-exemption',
      'roster',
      'materials-catalogue',
      'political-appraisal',
      'work-experience-certificate',
    ]) {
      expect(ids).toContain(id);
      expect(formTemplates(id).has('title')).toBe(true);
    }
  });

  it('fails early on a template that does not parse', () => {
    withTemplates({ 'demo/body': '{{#if x}}unclosed' });
    expect(() => preloadTemplates()).toThrow();
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps single line breaks', () => {
    expect(splitParagraphs('甲\n乙\n\n  丙  \n \n\n丁\r\n\r\n戊\n')).toEqual(['甲\n乙', '丙', '丁', '戊']);
  });

  it('drops empty paragraphs', () => {
    expect(splitParagraphs('\n\n  \n\n')).toEqual([]);
  });
});
