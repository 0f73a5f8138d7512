// "Record": the run rendered frame by frame into a WebM video or an animated GIF, with a
// progress bar and Cancel; the file is saved when it is done.
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadBlob } from '../components/download';
import { useT } from '../i18n';
import { Dialog } from './Dialog';
import {
  type FrameSource,
  GIF_FPS,
  MAX_FRAMES,
  MIN_FRAMES,
  RecordCancelled,
  type RecordFormat,
  record,
  VIDEO_FPS,
} from './record';

const FRAME_CHOICES = [60, 120, 240, 480];

interface Props {
  frames: () => FrameSource;
  total: number; // updates (surface) or epochs (classify) in the run
  unit: 'updates' | 'epochs';
  fileName: string; // without extension
  onClose: () => void;
}

type Phase =
  | { kind: 'setup' }
  | { kind: 'recording'; done: number }
  | { kind: 'finished'; message: string; failed: boolean };

function sizeText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export function RecordDialog({ frames, total, unit, fileName, onClose }: Props) {
  const t = useT();
  const videoPossible = typeof VideoEncoder !== 'undefined';
  const [format, setFormat] = useState<RecordFormat>(videoPossible ? 'webm' : 'gif');
  const [count, setCount] = useState(120);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ kind: 'recording', done: 0 });
    try {
      const blob = await record(frames(), {
        format,
        frames: count,
        signal: controller.signal,
        onProgress: (done) => setPhase({ kind: 'recording', done }),
      });
      const name = `${fileName}.${format}`;
      downloadBlob(blob, name);
      setPhase({
        kind: 'finished',
        message: t('classroom.record.done', { name, size: sizeText(blob.size) }),
        failed: false,
      });
    } catch (error) {
      const message =
        error instanceof RecordCancelled
          ? t('classroom.record.cancelled')
          : t('classroom.record.failed', { message: error instanceof Error ? error.message : String(error) });
      setPhase({ kind: 'finished', message, failed: !(error instanceof RecordCancelled) });
    } finally {
      abort.current = null;
    }
  };

  const fps = format === 'webm' ? VIDEO_FPS : GIF_FPS;
  const recording = phase.kind === 'recording';
  return (
    <Dialog id="record" heading={t('classroom.record.heading')} onClose={recording ? null : onClose}>
      <p class="small muted">
        {t('classroom.record.explain', {
          total: total.toLocaleString('en-US'),
          unit: t(unit === 'updates' ? 'classroom.record.updates' : 'classroom.record.epochs'),
        })}
      </p>
      <div class="record-options">
        <label class="field">
          <span class="field-label">{t('classroom.record.format')}</span>
          <select
            value={format}
            disabled={recording}
            data-testid="record-format"
            onChange={(event) => setFormat((event.currentTarget as HTMLSelectElement).value as RecordFormat)}
          >
            <option value="webm" disabled={!videoPossible}>
              {t('classroom.record.webm')}
            </option>
            <option value="gif">{t('classroom.record.gif')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('classroom.record.frames')}</span>
          <select
            value={String(count)}
            disabled={recording}
            data-testid="record-frames"
            onChange={(event) =>
              setCount(
                Math.min(MAX_FRAMES, Math.max(MIN_FRAMES, Number((event.currentTarget as HTMLSelectElement).value))),
              )
            }
          >
            {FRAME_CHOICES.map((n) => (
              <option value={String(n)}>
                {n} · {t('classroom.record.length', { seconds: (n / fps).toFixed(1), fps })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!videoPossible && <p class="small muted">{t('classroom.record.noVideo')}</p>}
      {recording && (
        <div class="record-progress">
          <progress max={1} value={phase.done} data-testid="record-progress" />
          <span class="small">
            {t('classroom.record.progress', { frame: Math.round(phase.done * count), frames: count })}
          </span>
        </div>
      )}
      {phase.kind === 'finished' && (
        <p class={phase.failed ? 'field-error' : 'small'} role="status" data-testid="record-result">
          {phase.message}
        </p>
      )}
      <div class="dialog-actions">
        {recording ? (
          <button type="button" data-testid="record-cancel" onClick={() => abort.current?.abort()}>
            {t('classroom.record.cancel')}
          </button>
        ) : (
          <>
            <button type="button" class="primary" data-testid="record-start" onClick={start}>
              {t('classroom.record.start')}
            </button>
            <button type="button" onClick={onClose}>
              {t('classroom.record.close')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
