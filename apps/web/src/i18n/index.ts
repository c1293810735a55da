import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { setApiLanguage } from '../api/client';
import { dayjs } from '../shared/time';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'qifu.lang';

function initialLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    /* storage may be blocked: fall back to the default */
  }
  return 'zh-CN';
}

function applySideEffects(lang: Language): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

const lang = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: lang,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applySideEffects(lang);

export async function changeLanguage(next: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not fatal */
  }
  applySideEffects(next);
  await i18n.changeLanguage(next);
}

export { i18n };
