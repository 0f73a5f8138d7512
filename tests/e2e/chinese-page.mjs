// What may stay in Latin letters on the Chinese page: names and formulas, never English words.
// NAMES lists the ones the page's own Chinese messages keep (file formats, keys, symbols,
// abbreviations); the core's names (optimizers, parameters, schedules, surfaces, …) and the
// Latin words of its Chinese descriptions (the core's to translate) come from
// `playground list`, the user's own text from the link and its racers. Anything else in Latin
// letters on a Chinese page is an untranslated string.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');

export const NAMES = [
  // file formats, keys, the other language's name
  'PNG',
  'CSV',
  'WebM',
  'GIF',
  'HTML',
  'WebCodecs',
  'https',
  'localhost',
  'U',
  'F',
  'Shift',
  'Tab',
  'S',
  'R',
  's',
  'r',
  'English',
  // the PyTorch export: the language, its interpreter, the number type
  'Python',
  'python3',
  'float64',
  // symbols of formulas and coordinates (f, x, y, m_t, η_t, view x0,x1,y0,y1, 1e-15, t = …, i = x)
  'f',
  'g',
  'x',
  'y',
  'e',
  'i',
  't',
  'm',
  'm_t',
  'g_t',
  'N',
  'b',
  'w',
  'u',
  'd',
  'K',
  'L',
  'H',
  'J',
  'P',
  'N',
  'ln',
  'x0',
  'x1',
  'y0',
  'y1',
  'y2',
  'y3',
  // symbols of the chapter's formulas in the lessons (H the Hessian, ln, g_t, m_{t+1}, y_i)
  'H',
  'ln',
  'g_t',
  'm_',
  'y_i',
  'y_j',
  'softmax',
  // the expression language's words
  'pi',
  'sin',
  'cos',
  'tan',
  'exp',
  'log',
  'sqrt',
  'abs',
  'tanh',
  'sigmoid',
  'min',
  'max',
  'pow',
  // the CLI's CSV columns
  'racer',
  'step',
  'loss',
  'grad_norm',
  'sample_grad_norm',
  'lr',
  'stride',
  // link values shown as such (variant: book, default: false)
  'variant',
  'book',
  'torch',
  'true',
  'false',
  // abbreviations and names that Chinese texts keep
  'CE',
  'MSE',
  'PCA',
  'Li',
  'Goodfellow',
  'ReLU',
  'Leaky',
  'Tanh',
  'Sigmoid',
  'GELU',
  'Swish',
  'L1',
  'L2',
  'GD',
  'AdaGrad',
  'RMSProp',
  'Adam',
  'PyTorch',
  'Noam',
  'TensorFlow',
  'Playground',
  'Transformer',
  'softmax',
];

export function latinWords(text) {
  // Not the exponent of a number (1e-7) nor the end of a longer name.
  return text.match(/(?<![0-9.A-Za-z_])[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z][A-Za-z0-9_]*)*/g) ?? [];
}

let fromCore = null;
// From `playground list`: the core's names (optimizers, parameters, choices, schedules,
// surfaces, axes, datasets, features, …), and the Latin words its own Chinese texts keep.
function catalogueWords() {
  if (fromCore) return fromCore;
  const catalogue = JSON.parse(execFileSync(cliPath, ['list', '--format', 'json'], { encoding: 'utf8' }));
  fromCore = { names: new Set(), chinese: new Set() };
  const visit = (value, key) => {
    if (typeof value === 'string') {
      if (key === 'zh') for (const word of latinWords(value)) fromCore.chinese.add(word);
      else if (['name', 'alias_of', 'display', 'choices', 'axes'].includes(key))
        for (const word of latinWords(value)) fromCore.names.add(word);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(catalogue, '');
  return fromCore;
}

export function namesFromCore() {
  return catalogueWords().names;
}

// The Latin words on the page (text of visible elements, tooltips, accessible names,
// placeholders) that are neither names nor formulas: [{word, where}]. `userText`: what the user
// typed or loaded that the page quotes (a file's name and lines).
export async function englishOnPage(page, userText = []) {
  // The link, its racers in link syntax, and what the visitor typed into the address bar (which
  // the notice quotes) are the user's text.
  const links = await page.evaluate(
    () =>
      `${window.playground.state()} ${window.playground
        .racers()
        .map((r) => r.optimizer)
        .join(' ')} ${location.hash}`,
  );
  let decoded = links;
  try {
    decoded = decodeURIComponent(links);
  } catch {} // a malformed escape is shown as typed
  const { names, chinese } = catalogueWords();
  const allowed = new Set([...NAMES, ...names, ...chinese, ...[links, decoded, ...userText].flatMap(latinWords)]);
  const found = await page.evaluate(() => {
    const texts = [];
    // Formulas (and the lessons' sub- and superscripts: η_t, Σ_j), link text and the racers' link
    // syntax are names.
    const skip = 'code, .katex, sub, sup, .mono, .racer-text, .status-name, .racer-name, .output-racer, script, style';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !node.textContent.trim()) continue;
      if (parent.closest('select') ? !parent.matches('option:checked') : !parent.checkVisibility()) continue;
      texts.push([
        node.textContent,
        parent.tagName.toLowerCase() + (parent.className ? `.${String(parent.className).split(' ')[0]}` : ''),
      ]);
    }
    for (const element of document.body.querySelectorAll('[title], [aria-label], [placeholder]'))
      for (const name of ['title', 'aria-label', 'placeholder'])
        if (element.hasAttribute(name))
          texts.push([element.getAttribute(name), `${element.tagName.toLowerCase()}[${name}]`]);
    return texts;
  });
  const words = [];
  for (const [text, where] of found)
    for (const word of latinWords(text)) if (!allowed.has(word)) words.push({ word, where, text: text.slice(0, 80) });
  return words;
}
