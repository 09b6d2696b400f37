// What the range's traffic would cost on SES: one line per billed item (quantity × dated price), the total,
// and where and when the prices were read. The server computes it (core/pricing).
import type { CostEstimateDto } from '../../../../src-main/contract';
import { usd } from './chart-model';

export function CostPanel({ cost }: { cost: CostEstimateDto }) {
  return (
    <section className="card dash-wide" aria-labelledby="dash-cost-title" data-testid="dash-cost">
      <h2 id="dash-cost-title">
        Cost on SES <span className="dash-cost-total" data-testid="dash-cost-total">{usd(cost.total)}</span>
      </h2>
      <table className="dash-cost-table">
        <tbody>
          {cost.lines.map((l) => (
            <tr key={l.id} data-testid={`dash-cost-${l.id}`}>
              <th scope="row">
                {l.label}
                {l.note && <div className="hint">{l.note}</div>}
              </th>
              <td className="num">
                {l.quantity.toLocaleString('en', { maximumFractionDigits: 6 })} {l.unit}
              </td>
              <td className="num muted">
                ${l.unitPrice.toFixed(2)} / {l.priceUnit}
              </td>
              <td className="num">{usd(l.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Prices as of {cost.pricesAsOf} ({cost.region}, {cost.currency}) from{' '}
        <a href={cost.source} target="_blank" rel="noreferrer">
          {cost.source}
        </a>
        . {cost.notes.join(' ')}
      </p>
    </section>
  );
}
