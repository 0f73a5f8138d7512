// Drawing one's own data (data=drawn): the class that a click on the map adds, how many points
// there are, clearing them, and CSV files to keep or bring larger sets (with a message naming
// the line of a bad file).
import { useRef, useState } from 'preact/hooks';
import { downloadCsv } from '../components/download';
import type { Core } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { classColour } from './colors';
import { type CsvProblem, type DrawnPoint, pointsCsv, pointsText, readPointsCsv } from './drawing';

interface Props {
  core: Core;
  store: LinkStore;
  drawClass: number;
  onDrawClass: (k: number) => void;
}

export function DrawPanel({ core, store, drawClass, onDrawClass }: Props) {
  const t = useT();
  const lang = useLang();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const settings = store.state.classify!;
  const points = settings.points as DrawnPoint[];
  const limits = core.catalogue.limits;

  const csvProblem = (problem: CsvProblem): string => {
    switch (problem.kind) {
      case 'columns':
        return t('classify.csv.columns', { line: problem.line, count: problem.count });
      case 'number':
        return t('classify.csv.number', { line: problem.line, text: problem.text });
      case 'range':
        return t('classify.csv.range', { line: problem.line, limit: problem.limit });
      case 'class':
        return t('classify.csv.class', { line: problem.line, max: problem.max });
      case 'too-many':
        return t('classify.csv.tooMany', { line: problem.line, max: problem.max });
      case 'empty':
        return t('classify.csv.empty');
    }
  };

  const load = async (file: File) => {
    const read = readPointsCsv(await file.text(), {
      halfWidth: limits.data_half_width,
      classes: limits.classes,
      points: limits.drawn_points,
    });
    if ('problem' in read) {
      setMessage({
        text: t('classify.csv.problem', { file: file.name, problem: csvProblem(read.problem) }),
        problem: true,
      });
      return;
    }
    const classes = Math.max(settings.classes, ...read.points.map((p) => p[2] + 1));
    let result = core.setValue(store.link, 'classes', String(classes));
    if (result.problems.length === 0) result = core.setValue(result.link, 'points', pointsText(read.points));
    const problems = store.commit(result);
    setMessage(
      problems.length
        ? { text: problems.map((p) => pick(lang, p.reason)).join(t('problems.separator')), problem: true }
        : { text: t('classify.csv.loaded', { count: read.points.length, file: file.name }), problem: false },
    );
  };

  return (
    <div class="draw-panel" data-testid="draw-panel">
      <p class="small">{t('classify.draw.help')}</p>
      <div class="draw-classes" role="radiogroup" aria-label={t('classify.draw.class')}>
        {Array.from({ length: settings.classes }, (_, k) => (
          <button
            type="button"
            role="radio"
            aria-checked={k === drawClass}
            class={`class-swatch${k === drawClass ? ' selected' : ''}`}
            style={{ background: classColour(k) }}
            title={t('classify.draw.classN', { k })}
            aria-label={t('classify.draw.classN', { k })}
            data-testid={`draw-class-${k}`}
            onClick={() => onDrawClass(k)}
          >
            {k}
          </button>
        ))}
      </div>
      <p class="small muted" data-testid="drawn-count">
        {t('classify.draw.count', { count: points.length, max: limits.drawn_points })}
      </p>
      <div class="data-actions">
        <button
          type="button"
          data-testid="draw-clear"
          disabled={points.length === 0}
          onClick={() => store.setValue('points', '')}
        >
          {t('classify.draw.clear')}
        </button>
        <button
          type="button"
          data-testid="draw-export"
          disabled={points.length === 0}
          onClick={() => downloadCsv(pointsCsv(points), 'optimizer-playground-points')}
        >
          {t('classify.draw.export')}
        </button>
        <button type="button" data-testid="draw-import" onClick={() => fileInput.current?.click()}>
          {t('classify.draw.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv,text/plain"
          hidden
          data-testid="draw-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void load(file);
          }}
        />
      </div>
      {message && (
        <p
          class={`small draw-message${message.problem ? ' field-error' : ''}`}
          role={message.problem ? 'alert' : 'status'}
          data-testid="draw-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
