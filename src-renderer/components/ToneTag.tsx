// Status tags in colours that keep WCAG AA contrast (several antd preset tag colours do not).
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const TONES = {
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  plain: { color: '#374151', background: '#f5f5f5', borderColor: '#d9d9d9' },
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Tag style={TONES[tone]} data-testid={testId}>
      {children}
    </Tag>
  );
}
