import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { api, currentUser, type User } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** Demo identity: whoever is picked here is sent as X-Workflows-User on every request. */
export function UserPicker() {
  const { t } = useI18n();
  const [users, setUsers] = useState<User[]>([]);
  const [user, setUser] = useState<string | null>(() => currentUser.get());
  useEffect(() => {
    let live = true;
    void api.GET('/api/directory/users').then(({ data }) => {
      if (!live || !data) return;
      setUsers(data);
      if (!currentUser.get()) {
        const analyst = data.find((u) => u.roles.includes('analyst')) ?? data[0];
        if (analyst) {
          currentUser.set(analyst.id);
          setUser(analyst.id);
        }
      }
    });
    return () => { live = false; };
  }, []);
  return (
    <Select
      size="xs"
      w={230}
      aria-label={t('shell.user')}
      placeholder={t('shell.user')}
      data-testid="user-picker"
      value={user}
      onChange={(id) => {
        if (!id) return;
        currentUser.set(id);
        setUser(id);
      }}
      data={users.map((u) => ({ value: u.id, label: `${u.name} (${u.roles.join(', ')})` }))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
