import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type Language = 'vi' | 'en';
const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };
const languageKey = 'workflows.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  return localStorage.getItem(languageKey) === 'en' ? 'en' : 'vi';
}

/** Vietnamese by default, English second; the choice is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(languageKey, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => {
    let text = dictionaries[language][key];
    if (params) {
      for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    }
    return text;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
