// The gradient g_t a surface racer's update uses (docs/reference.md, "Mini-batches and gradient
// noise"): ∇f itself, a mini-batch estimate on a data surface, plus Gaussian noise.
import { formatNumber } from '../components/format';
import type { RacerState, StateView } from '../core';

// Whether the racer's updates use a drawn gradient (batch or noise) rather than ∇f.
export function sampled(racer: RacerState): boolean {
  return racer.batch > 0 || racer.noise > 0;
}

export function anySampled(state: StateView): boolean {
  return state.racers.some(sampled);
}

// A number for LaTeX: 2e4 → 2 \times 10^{4}.
function texNumber(value: number): string {
  const [mantissa, exponent] = formatNumber(value, 4).split('e');
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
}

// g_t in LaTeX with the racer's numbers, e.g. g_t = (10/1)·Σ_{n∈B_t} ∇f_n(θ_t) + ξ_t,
// ξ_t ~ N(0, 0.5²·I). N(0, s²) is written with the number: σ already names the optimizer's
// denominator.
export function gradientFormula(racer: RacerState, dataTerms: number): string {
  const batch =
    racer.batch > 0
      ? String.raw`\frac{N}{|B_t|} \sum_{n \in B_t} \nabla f_n(\theta_t)`
      : String.raw`\nabla f(\theta_t)`;
  const noise = racer.noise > 0 ? String.raw` + \xi_t` : '';
  const parts = [`g_t = ${batch}${noise}`];
  if (racer.batch > 0) parts.push(String.raw`N = ${dataTerms},\ |B_t| = ${racer.batch}`);
  if (racer.noise > 0) parts.push(String.raw`\xi_t \sim \mathcal{N}(0,\ (${texNumber(racer.noise)})^2 I)`);
  return parts.join(String.raw`\quad `);
}
