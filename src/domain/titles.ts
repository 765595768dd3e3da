/**
 * The archives series' titles below 副研究馆员, in ladder order, and the routes
 * of the notice (初次确定, 授予, 评审).
 */

export const TITLES = ['管理员', '助理馆员', '馆员'] as const;
export type Title = (typeof TITLES)[number];

export const ROUTES = ['初次确定', '授予', '评审'] as const;

export type TitleLevel = '初级' | '中级';

/** 管理员 (员级) and 助理馆员 (助理级) are 初级; 馆员 is 中级. */
export function titleLevel(title: Title): TitleLevel {
  return title === '馆员' ? '中级' : '初级';
}

/** The title one step above, or null at the top of this ladder. */
export function nextTitle(title: Title): Title | null {
  const i = TITLES.indexOf(title);
  return TITLES[i + 1] ?? null;
}
