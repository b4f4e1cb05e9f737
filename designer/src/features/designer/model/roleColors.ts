/** Distinct, readable colours for roles (steps are coloured by responsible role). */
const palette = ['#1c7ed6', '#2f9e44', '#e8590c', '#9c36b5', '#0c8599', '#c2255c', '#5c940d', '#f08c00', '#3b5bdb', '#862e9c'];

export function roleColor(roles: readonly string[], role: string | null | undefined): string {
  if (!role) return '#868e96';
  const index = roles.indexOf(role);
  if (index >= 0) return palette[index % palette.length] ?? '#868e96';
  let hash = 0;
  for (const c of role) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? '#868e96';
}
