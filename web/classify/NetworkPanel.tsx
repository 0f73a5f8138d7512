// The network panel: activation, loss, regularisation and its rate (each from the catalogue,
// with its description), and the network diagram. While the page compares losses, the loss is
// "both" and the comparison button turns it off.

import { usePageView } from '../classroom/view';
import { ParamField } from '../components/ParamField';
import type { Core, NamedInfo } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { ChoiceField } from './ChoiceField';
import { nameLabel } from './labels';
import { NetworkView } from './NetworkView';
import type { ClassifyRunner } from './runner';

interface Props {
  core: Core;
  store: LinkStore;
  runner: ClassifyRunner;
}

export function NetworkPanel({ core, store, runner }: Props) {
  const t = useT();
  const lang = useLang();
  const view = usePageView();
  const catalogue = core.catalogue;
  const settings = store.state.classify!;
  const spec = (name: string) => core.classifyParam(name);
  const regression = core.dataset(settings.data)?.regression ?? false;
  const comparing = settings.compare === 'loss';
  const choices = (list: NamedInfo[]) =>
    list.map((info) => ({ value: info.name, label: nameLabel(lang, info), title: pick(lang, info.summary) }));

  const lossChoices = comparing
    ? [{ value: settings.loss, label: t('classify.loss.both') }]
    : regression
      ? [{ value: settings.loss, label: t('classify.loss.regression') }]
      : choices(catalogue.losses);

  return (
    <section class="panel network-panel" data-testid="network-panel">
      <div class="panel-head">
        <h2>{t('classify.net.title')}</h2>
      </div>
      {!view.present && (
        <div class="field-grid network-settings">
          <ChoiceField
            label={t('classify.net.activation')}
            value={settings.act}
            choices={choices(catalogue.activations)}
            title={pick(lang, spec('act').summary)}
            testId="act"
            commit={(v) => store.setValue('act', v)}
          />
          <ChoiceField
            label={t('classify.net.loss')}
            value={settings.loss}
            choices={lossChoices}
            title={pick(lang, spec('loss').summary)}
            disabled={comparing || regression}
            testId="loss"
            commit={(v) => store.setValue('loss', v)}
          />
          <ChoiceField
            label={t('classify.net.regularization')}
            value={settings.reg}
            choices={choices(catalogue.regularizations)}
            title={pick(lang, spec('reg').summary)}
            testId="reg"
            commit={(v) => store.setValue('reg', v)}
          />
          <ParamField
            label={t('classify.net.regRate')}
            spec={spec('reg_rate')}
            value={String(settings.reg_rate)}
            testId="reg-rate"
            commit={(text) => store.setValue('reg_rate', text)}
          />
        </div>
      )}
      <NetworkView core={core} store={store} runner={runner} />
    </section>
  );
}
