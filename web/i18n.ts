// English and Simplified Chinese for everything the page says. Descriptions of optimizers,
// schedules, surfaces and datasets come from the core's catalogue (which holds both languages);
// the page's own words are here. Every key must exist in both tables (a test checks).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { classifyMessages } from './classify/messages';
import { classroomMessages } from './classroom/messages';
import type { Text } from './core';
import { lessonMessages } from './lessons/messages';
import { surfaceMessages } from './surface/messages';

export type Lang = 'en' | 'zh';

const base = {
  'app.title': 'Optimizer Playground',
  'app.tagline': 'See how neural networks are optimized',
  'mode.surface': 'Loss surfaces',
  'mode.classify': 'Classification',
  'lang.toggle': '中文',
  'lang.toggle.title': 'Switch to Simplified Chinese',
  'link.copy': 'Copy link',
  'link.copied': 'Link copied',
  'link.copy.title': 'Copy a link that reproduces exactly this state',
  'notice.title': 'Some of this link could not be used; everything else was loaded',
  'notice.dismiss': 'Dismiss',
  'notice.item': '{key} = “{value}”: {reason}',
  'problem.inline': '{key}: {reason}',
  'list.separator': ', ',
  'problems.separator': '; ',
  'notice.count': '({count} {count|problem|problems})',
  'notice.more': 'Show all ({count} more)',
  'notice.collapse': 'Hide the list',
  'notice.expand': 'Show the list',
  'loading.failed': 'The playground could not start: {message}',
  'status.notStarted': 'not started',
  'help.title': 'Keyboard and mouse',
  'help.space.key': 'Space',
  'help.space': 'play / pause',
  'help.question': 'show or hide this help',
  'help.close': 'Close',
  'torch.button': 'PyTorch',
  'torch.title': 'This experiment as a PyTorch script that prints the same numbers',
  'torch.heading': 'PyTorch script',
  'torch.hint':
    'This link as a Python program: it needs only PyTorch (1.13 or later), runs in float64, and prints the same CSV as the playground’s command line (playground run). Save it and run python3 {file} > torch.csv.',
  'torch.more': '… and {count} more lines (the points and the initial weights): Download or Copy takes them all.',
  'torch.download': 'Download .py',
  'torch.copy': 'Copy',
  'torch.copied': 'Copied',
  'torch.close': 'Close',
  'torch.refused': 'No PyTorch script for this link: {reason}.',
} as const;

// Each area keeps its own words (surface/messages.ts, classify/messages.ts).
const en = { ...base, ...surfaceMessages.en, ...classifyMessages.en, ...lessonMessages.en, ...classroomMessages.en };
export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  ...surfaceMessages.zh,
  ...classifyMessages.zh,
  ...lessonMessages.zh,
  ...classroomMessages.zh,
  'app.title': '优化器游乐场',
  'app.tagline': '看见神经网络是如何被优化的',
  'mode.surface': '损失曲面',
  'mode.classify': '分类',
  'lang.toggle': 'English',
  'lang.toggle.title': '切换到英文',
  'link.copy': '复制链接',
  'link.copied': '链接已复制',
  'link.copy.title': '复制一个能精确重现当前状态的链接',
  'notice.title': '此链接中有部分内容无法使用，其余内容已加载',
  'notice.dismiss': '关闭',
  'notice.item': '{key} = “{value}”：{reason}',
  'problem.inline': '{key}：{reason}',
  'list.separator': '，',
  'problems.separator': '；',
  'notice.count': '（共 {count} 项）',
  'notice.more': '显示全部（另有 {count} 项）',
  'notice.collapse': '收起列表',
  'notice.expand': '展开列表',
  'loading.failed': '游乐场无法启动：{message}',
  'status.notStarted': '尚未开始',
  'help.title': '键盘与鼠标',
  'help.space.key': '空格',
  'help.space': '播放 / 暂停',
  'help.question': '显示或隐藏此帮助',
  'help.close': '关闭',
  'torch.button': 'PyTorch',
  'torch.title': '把这个实验导出为 PyTorch 脚本，它输出完全相同的数字',
  'torch.heading': 'PyTorch 脚本',
  'torch.hint':
    '这个链接对应的 Python 程序：只需要 PyTorch（1.13 或更新的版本），用 float64 计算，输出的 CSV 与游乐场的命令行完全相同。保存后运行 python3 {file} > torch.csv。',
  'torch.more': '……后面还有 {count} 行（数据点和初始权重）：下载或复制会包含全部内容。',
  'torch.download': '下载 .py',
  'torch.copy': '复制',
  'torch.copied': '已复制',
  'torch.close': '关闭',
  'torch.refused': '这个链接无法导出为 PyTorch 脚本：{reason}。',
};

export const messages: Record<Lang, Record<MessageKey, string>> = { en, zh };

// `{name}` is the value of vars[name]; `{name|one|other}` is `one` when it is 1, else `other` (the
// English plural: "{count} {count|problem|problems}").
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return messages[lang][key].replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one, other) => {
    if (!(name in vars)) return whole;
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : other;
  });
}

// The language of a new visitor: Chinese if the browser prefers it.
export function browserLang(): Lang {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export const LangContext = createContext<Lang>('en');

export function useLang(): Lang {
  return useContext(LangContext);
}

// A translation function bound to the page's language.
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = useLang();
  return (key, vars) => translate(lang, key, vars);
}

export function pick(lang: Lang, text: Text): string {
  return text[lang] || text.en;
}
