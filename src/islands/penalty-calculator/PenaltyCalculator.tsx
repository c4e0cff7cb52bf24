import { useEffect, useState } from 'preact/hooks';
import type { LandType } from '../../schemas/land-type.ts';
import { LAND_TYPE_LABEL } from '../../lib/baselines/describe-condition.ts';
import { fmtNumber } from '../../lib/baselines/describe.ts';
import { calculate, emptyInputs, type CalculatorBaseline, type CalculatorOutcome, type FactInputs } from './penalty-model.ts';

interface Props {
  baselines: CalculatorBaseline[];
  /** The baseline chosen first. */
  initialId?: string;
}

const yuan = (n: number) => `${fmtNumber(n)} 元`;

function AmountField(props: { id: string; label: string; hint?: string; value: string; error?: string | undefined; onInput: (v: string) => void }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && <p id={`${props.id}-hint`} class="meta">{props.hint}</p>}
      {props.error && <p id={`${props.id}-error`} class="error-text">{props.error}</p>}
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={props.value}
        aria-describedby={described || undefined}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}

/** Picks the band for the facts entered and shows the case's fine range with its arithmetic. */
export default function PenaltyCalculator({ baselines, initialId }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [id, setId] = useState(initialId ?? baselines[0]?.id ?? '');
  const [inputs, setInputs] = useState<FactInputs>(emptyInputs());
  const [outcome, setOutcome] = useState<CalculatorOutcome | undefined>(undefined);
  useEffect(() => setHydrated(true), []);

  // A 1 px slot for client:visible to watch; without scripts the page's <noscript> explains.
  if (!hydrated) return <div class="calculator-slot" />;
  const baseline = baselines.find((b) => b.id === id) ?? baselines[0];
  if (!baseline) return null;
  const needs = baseline.needs;
  const errorOf = (field: string) => (outcome && !outcome.ok ? outcome.errors.find((e) => e.field === field)?.message : undefined);
  const set = (patch: Partial<FactInputs>) => setInputs({ ...inputs, ...patch });
  const setArea = (t: LandType, v: string) => setInputs({ ...inputs, area: { ...inputs.area, [t]: v } });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setOutcome(calculate(baseline, inputs));
  };

  return (
    <div class="calculator">
      <form onSubmit={onSubmit} noValidate aria-label="罚款计算">
        {baselines.length > 1 && (
          <div class="field">
            <label for="penalty-baseline">违法行为类型及基准版本</label>
            <select
              id="penalty-baseline"
              value={baseline.id}
              onChange={(e) => {
                setId((e.target as HTMLSelectElement).value);
                setOutcome(undefined);
              }}
            >
              {baselines.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
            </select>
          </div>
        )}
        <p class="meta" id="calculator-facts">法定幅度：{baseline.legalText}</p>
        {needs.area && (
          <fieldset>
            <legend>涉及面积（平方米，1亩≈666.67平方米）</legend>
            <p class="meta">按地类分别填写；阶次按其中保护等级最高的地类和全部面积确定。</p>
            {baseline.landTypes.map((t) => (
              <AmountField key={t} id={`area-${t}`} label={LAND_TYPE_LABEL[t]} value={inputs.area[t]} error={errorOf(`area-${t}`)} onInput={(v) => setArea(t, v)} />
            ))}
          </fieldset>
        )}
        {needs.cultivationFee && <AmountField id="cultivation-fee" label="耕地开垦费（元）" value={inputs.cultivationFee} error={errorOf('cultivation-fee')} onInput={(v) => set({ cultivationFee: v })} />}
        {needs.reclamationFee && <AmountField id="reclamation-fee" label="土地复垦费（元）" value={inputs.reclamationFee} error={errorOf('reclamation-fee')} onInput={(v) => set({ reclamationFee: v })} />}
        {needs.illegalIncome && <AmountField id="illegal-income" label="违法所得（元）" value={inputs.illegalIncome} error={errorOf('illegal-income')} onInput={(v) => set({ illegalIncome: v })} />}
        {needs.oreValue && (
          <AmountField id="ore-value" label="违法开采的矿产品价值（元）" hint="没有矿产品价值或无法计算的，请留空。" value={inputs.oreValue} error={errorOf('ore-value')} onInput={(v) => set({ oreValue: v })} />
        )}
        {needs.repeat && (
          <div class="field checkbox">
            <input id="repeat" type="checkbox" checked={inputs.repeat} onChange={(e) => set({ repeat: (e.target as HTMLInputElement).checked })} />
            <label for="repeat">受过行政处罚后再次违法</label>
          </div>
        )}
        <button class="button" type="submit">计算罚款幅度</button>
      </form>

      <div role="status" aria-live="polite" class="calculator-status">
        {outcome && !outcome.ok && <p class="error-text">无法计算：{outcome.errors.map((e) => e.message).join(' ')}</p>}
        {outcome?.ok && (
          <p>
            适用阶次：<strong>{outcome.band.name}</strong>。本案罚款幅度为 <strong class="amount">{yuan(outcome.fine.min)} 至 {yuan(outcome.fine.max)}</strong>。
          </p>
        )}
      </div>
      {outcome?.ok && (
        <dl class="fields calculator-result">
          <div><dt>阶次条件</dt><dd>{outcome.band.conditions}</dd></div>
          <div>
            <dt>计算过程</dt>
            <dd><ul class="arithmetic">{outcome.arithmetic.map((line) => <li key={line}>{line}</li>)}</ul></dd>
          </div>
          <div><dt>法定幅度</dt><dd>{baseline.legalText}；本案为 <span class="amount">{yuan(outcome.legal.min)} 至 {yuan(outcome.legal.max)}</span></dd></div>
          <div>
            <dt>依据</dt>
            <dd>{baseline.articles.map((a) => <span key={a.label}>{a.href ? <a href={a.href}>{a.label}</a> : a.label}<br /></span>)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
