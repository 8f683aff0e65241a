// Before saving: whether the slip will wait for a supervisor's or the manager's approval, by the
// same rule main applies when it saves (domain/slips.ts approvalReasons, the branch's limits).
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalAmount, approvalReasons, formatYuan, type SlipTotals } from '../../../src-main/domain/slips';
import { useSession } from '../shell/session';

export function ApprovalNotice({ totals }: { totals: SlipTotals }) {
  const { t } = useTranslation();
  const { user, settings } = useSession();
  const limits = settings.approvalLimits;
  const amount = approvalAmount(totals);
  if (!approvalReasons(amount, user.role, limits, false).includes('over_limit')) return null;
  const manager = amount > limits.supervisorFen;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="approval-notice"
      style={{ marginBottom: 12 }}
      message={t(manager ? 'slips.needsManager' : 'slips.needsSupervisor', {
        amount: formatYuan(amount),
        limit: formatYuan(
          manager ? limits.supervisorFen : user.role === 'supervisor' ? limits.supervisorFen : limits.clerkFen,
        ),
      })}
    />
  );
}
