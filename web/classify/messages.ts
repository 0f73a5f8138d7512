// The classification page's own words, in English and Simplified Chinese (same keys in both).
const en = {
  'classify.title': 'Classification',
} as const;

export const classifyMessages: { en: typeof en; zh: Record<keyof typeof en, string> } = {
  en,
  zh: {
    'classify.title': '分类',
  },
};
