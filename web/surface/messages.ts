// The surface page's own words, in English and Simplified Chinese (same keys in both).
const en = {
  'surface.play': 'Play',
  'surface.pause': 'Pause',
} as const;

export const surfaceMessages: { en: typeof en; zh: Record<keyof typeof en, string> } = {
  en,
  zh: {
    'surface.play': '播放',
    'surface.pause': '暂停',
  },
};
