// The training library (典型范例, SPEC §3): typical cases for new staff, by category and by a
// search in their (masked) text. Main builds the list without any customer identifier and lists only
// cases whose training text the secretary approved; the secretary also sees the approval queue tab.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { navigate } from '../../lib/router';
import { can } from '../../../src-main/domain/permissions';
import { useCategories, useSession } from '../shell/session';
import { TrainingQueue, TrainingQueueTabLabel } from './TrainingQueue';

export function TrainingLibrary() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('training.title')}
      </Typography.Title>
      {can(user.role, 'training_approve') ? (
        <Tabs
          items={[
            { key: 'library', label: t('trainingApproval.libraryTab'), children: <LibraryList /> },
            { key: 'queue', label: <TrainingQueueTabLabel />, children: <TrainingQueue /> },
          ]}
        />
      ) : (
        <LibraryList />
      )}
    </>
  );
}

function LibraryList() {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const categories = useCategories();
  const [categoryCode, setCategoryCode] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const query = q.trim();
  const list = useQuery({
    queryKey: ['training', categoryCode ?? '', query],
    queryFn: () => call('training.list', { ...(categoryCode ? { categoryCode } : {}), ...(query ? { q: query } : {}) }),
  });
  const en = i18n.language === 'en';

  return (
    <>
      <Typography.Paragraph type="secondary">{t('training.note')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="training-category">{t('training.category')}</label>
        <Select
          id="training-category"
          style={{ width: 200 }}
          value={categoryCode ?? ''}
          onChange={(v) => setCategoryCode(v || undefined)}
          options={[
            { value: '', label: t('training.allCategories') },
            ...(categories.data ?? []).map((c) => ({ value: c.code, label: en ? c.nameEn : c.nameZh })),
          ]}
        />
        <Input.Search
          id="training-search"
          aria-label={t('training.search')}
          placeholder={t('training.searchPlaceholder')}
          allowClear
          style={{ width: 280 }}
          onSearch={setQ}
        />
      </Space>
      {list.error && (
        <Alert
          type="error"
          showIcon
          message={list.error instanceof ApiError ? pick(list.error.messages) : t('common.error')}
        />
      )}
      <List
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={t('training.empty')} /> }}
        data-testid="training-list"
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Card
              size="small"
              hoverable
              style={{ width: '100%' }}
              tabIndex={0}
              role="link"
              onClick={() => navigate(`/training/${c.id}`)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(`/training/${c.id}`)}
              title={
                <Space wrap>
                  <span>{c.number}</span>
                  <Tag color="blue">{en ? c.categoryName.en : c.categoryName.zh}</Tag>
                  <Tag>{t(`channel.${c.channel}`)}</Tag>
                  {c.finding && <Tag>{t(`finding.${c.finding}`)}</Tag>}
                  {c.resolutionType && <Tag>{t(`resolution.${c.resolutionType}`)}</Tag>}
                </Space>
              }
              extra={
                <Typography.Text type="secondary">
                  {formatTime(c.receivedAt, settings.timeZone, i18n.language)}
                </Typography.Text>
              }
            >
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
                {c.excerpt ?? t('training.hidden')}
              </Typography.Paragraph>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
