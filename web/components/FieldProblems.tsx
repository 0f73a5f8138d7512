// What was wrong with a value the user entered, in the page's language, under its field.
import type { Problem } from '../core';
import { pick, useLang, useT } from '../i18n';

export function FieldProblems({ problems, testId }: { problems: Problem[]; testId?: string }) {
  const lang = useLang();
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <span class="field-error" role="alert" data-testid={testId}>
      {problems.map((p) => pick(lang, p.reason)).join(t('problems.separator'))}
    </span>
  );
}
