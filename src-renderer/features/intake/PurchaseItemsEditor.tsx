// The purchased items of an intake: several rows of name, code/barcode and quantity, each
// row's messages under its own inputs (schema paths purchase.items.N.name / .code / .quantity).
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import type { IssueMap } from '../../lib/issues';
import { emptyItem, type ItemState } from './intake-state';

interface Props {
  items: ItemState[];
  issues: IssueMap;
  onChange: (items: ItemState[]) => void;
}

/** At most as many rows as the intake schema accepts. */
const MAX_ITEMS = 50;

const COLS: { key: keyof ItemState; label: string; width: string; mode?: 'numeric' }[] = [
  { key: 'name', label: 'intake.itemName', width: '1.8fr' },
  { key: 'code', label: 'intake.itemCode', width: '1.4fr' },
  { key: 'quantity', label: 'intake.quantity', width: '0.6fr', mode: 'numeric' },
];
const GRID = `${COLS.map((c) => c.width).join(' ')} 90px`;

export function PurchaseItemsEditor({ items, issues, onChange }: Props) {
  const { t } = useTranslation();
  const edit = (i: number, k: keyof ItemState, v: string) =>
    onChange(items.map((it, j) => (j === i ? { ...it, [k]: v } : it)));
  const listIssue = issues['purchase.items'];
  return (
    <div className="wide" style={{ marginBottom: 12 }}>
      <div role="table" aria-label={t('intake.items')}>
        <div
          role="row"
          style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, fontWeight: 500, marginBottom: 4 }}
        >
          {COLS.map((c) => (
            <span role="columnheader" key={c.key}>
              {t(c.label)}
            </span>
          ))}
          <span role="columnheader" />
        </div>
        {items.map((it, i) => (
          <div role="row" key={i} style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, marginBottom: 6 }}>
            {COLS.map((c) => {
              const issue = issues[`purchase.items.${i}.${c.key}`];
              return (
                <span role="cell" key={c.key}>
                  <Input
                    id={`item-${i}-${c.key}`}
                    aria-label={`${t(c.label)} ${i + 1}`}
                    inputMode={c.mode}
                    status={issue ? 'error' : ''}
                    aria-describedby={issue ? `item-${i}-${c.key}-help` : undefined}
                    value={it[c.key]}
                    onChange={(e) => edit(i, c.key, e.target.value)}
                  />
                  {issue && (
                    <div id={`item-${i}-${c.key}-help`} style={{ color: '#b91c1c', fontSize: 12 }}>
                      {pick(issue)}
                    </div>
                  )}
                </span>
              );
            })}
            <span role="cell">
              <Button
                // No space inserted between two Chinese characters: the visible word stays the accessible name's start.
                autoInsertSpace={false}
                disabled={items.length === 1}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
                aria-label={`${t('intake.removeItem')} ${i + 1}`}
              >
                {t('intake.removeItem')}
              </Button>
            </span>
          </div>
        ))}
      </div>
      {listIssue && <div style={{ color: '#b91c1c' }}>{pick(listIssue)}</div>}
      <Button disabled={items.length >= MAX_ITEMS} onClick={() => onChange([...items, emptyItem()])}>
        {t('intake.addItem')}
      </Button>
    </div>
  );
}
