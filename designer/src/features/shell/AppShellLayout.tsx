import { useState } from 'react';
import { AppShell, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useI18n, type Language } from '../../i18n/i18n';
import { UserPicker } from './UserPicker';
import { ComingSoon } from './ComingSoon';
import { DesignerWorkspace } from '../designer/DesignerWorkspace';

type Workspace = 'designer' | 'inbox' | 'reports' | 'admin';
const workspaceKey = 'workflows.workspace';

/** One app, several workspaces: Designer (analysts), Inbox (officials), Reports (supervisors), Admin. */
export function AppShellLayout() {
  const { t, language, setLanguage } = useI18n();
  const [workspace, setWorkspace] = useState<Workspace>(() => (localStorage.getItem(workspaceKey) as Workspace | null) ?? 'designer');
  const choose = (w: string) => {
    localStorage.setItem(workspaceKey, w);
    setWorkspace(w as Workspace);
  };
  return (
    <AppShell header={{ height: 52 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Title order={4} c="blue.8">Workflows</Title>
            <SegmentedControl
              size="xs"
              value={workspace}
              onChange={choose}
              data={[
                { value: 'designer', label: t('workspace.designer') },
                { value: 'inbox', label: t('workspace.inbox') },
                { value: 'reports', label: t('workspace.reports') },
                { value: 'admin', label: t('workspace.admin') },
              ]}
              data-testid="workspaces"
            />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <UserPicker />
            <SegmentedControl
              size="xs"
              value={language}
              onChange={(v) => setLanguage(v as Language)}
              data={[{ value: 'vi', label: 'VI' }, { value: 'en', label: 'EN' }]}
              aria-label={t('shell.language')}
              data-testid="language"
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {workspace === 'designer' && <DesignerWorkspace />}
          {workspace === 'inbox' && <ComingSoon title={t('workspace.inbox')} text={t('shell.inboxComing')} />}
          {workspace === 'reports' && <ComingSoon title={t('workspace.reports')} text={t('shell.reportsComing')} />}
          {workspace === 'admin' && <ComingSoon title={t('workspace.admin')} text={t('shell.adminComing')} />}
        </div>
        <Text size="xs" c="dimmed" px="md" py={2} style={{ borderTop: '1px solid #eee' }}>{t('shell.demoIdentity')}</Text>
      </AppShell.Main>
    </AppShell>
  );
}
