// Head office's refusal of a publication, in its words, with each named problem below it (both editing screens).
import { Alert } from 'antd';
import { pick } from '../../i18n';
import type { usePublish } from './usePublish';

export function PublishError({ pub }: { pub: Pick<ReturnType<typeof usePublish>, 'error' | 'issues'> }) {
  if (!pub.error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={pub.error}
      description={
        pub.issues.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {pub.issues.map((i, n) => (
              <li key={`${i.field}-${n}`}>{pick(i.message)}</li>
            ))}
          </ul>
        )
      }
      data-testid="publish-error"
    />
  );
}
