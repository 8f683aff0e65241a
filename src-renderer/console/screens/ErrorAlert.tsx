// A request's refusal as the console shows it: head office's own words in the reader's language
// when it answered with them, else a general message (`fallback`, default "could not load").
import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { ConsoleApiError } from '../api';

export function ErrorAlert({ error, fallback, style }: { error: unknown; fallback?: string; style?: CSSProperties }) {
  const { t } = useTranslation('console');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={error instanceof ConsoleApiError ? pick(error.messages) : (fallback ?? t('common.error'))}
      {...(style ? { style } : {})}
    />
  );
}
