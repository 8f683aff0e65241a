// Line items of a slip (returned or issued goods) with each line's amount shown live.
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { yuan } from '../../lib/format';
import type { IssueMap } from '../../lib/issues';
import { emptyLine, type LineState, lineFen } from './slip-state';

interface Props {
  title: string;
  /** Schema path of the list: returnedLines or issuedLines. */
  path: string;
  lines: LineState[];
  issues: IssueMap;
  onChange: (lines: LineState[]) => void;
}

const COLS: { key: keyof LineState; label: string; width: string; mode?: 'numeric' | 'decimal' }[] = [
  { key: 'itemCode', label: 'slip.itemCode', width: '1.2fr' },
  { key: 'name', label: 'slip.name', width: '1.6fr' },
  { key: 'spec', label: 'slip.spec', width: '1.2fr' },
  { key: 'quantity', label: 'slip.quantity', width: '0.5fr', mode: 'numeric' },
  { key: 'unitPrice', label: 'slip.unitPrice', width: '0.8fr', mode: 'decimal' },
];
const GRID = `${COLS.map((c) => c.width).join(' ')} 0.8fr 90px`;

export function LinesEditor({ title, path, lines, issues, onChange }: Props) {
  const { t } = useTranslation();
  const edit = (i: number, k: keyof LineState, v: string) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const listIssue = issues[path];
  return (
    <fieldset>
      <legend>{title}</legend>
      <div role="table" aria-label={title}>
        <div
          role="row"
          style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, fontWeight: 500, marginBottom: 4 }}
        >
          {COLS.map((c) => (
            <span role="columnheader" key={c.key}>
              {t(c.label)}
            </span>
          ))}
          <span role="columnheader">{t('slip.lineAmount')}</span>
          <span role="columnheader" />
        </div>
        {lines.map((l, i) => {
          const fen = lineFen(l);
          return (
            <div role="row" key={i} style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, marginBottom: 6 }}>
              {COLS.map((c) => {
                const issue = issues[`${path}.${i}.${c.key === 'unitPrice' ? 'unitPriceFen' : c.key}`];
                return (
                  <span role="cell" key={c.key}>
                    <Input
                      id={`${path}-${i}-${c.key}`}
                      aria-label={`${t(c.label)} ${i + 1}`}
                      inputMode={c.mode}
                      status={issue ? 'error' : ''}
                      title={issue ? pick(issue) : undefined}
                      value={l[c.key]}
                      onChange={(e) => edit(i, c.key, e.target.value)}
                    />
                    {issue && <div style={{ color: '#b91c1c', fontSize: 12 }}>{pick(issue)}</div>}
                  </span>
                );
              })}
              <span role="cell" style={{ alignSelf: 'center' }} data-testid={`${path}-amount-${i}`}>
                {fen === null ? t('common.none') : t('common.yuan', { v: yuan(fen) })}
              </span>
              <span role="cell">
                <Button
                  disabled={lines.length === 1}
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                  aria-label={`${t('slip.removeLine')} ${i + 1}`}
                >
                  {t('slip.removeLine')}
                </Button>
              </span>
            </div>
          );
        })}
      </div>
      {listIssue && <div style={{ color: '#b91c1c' }}>{pick(listIssue)}</div>}
      <Button onClick={() => onChange([...lines, emptyLine()])}>{t('slip.addLine')}</Button>
    </fieldset>
  );
}
