import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { session, useSession, type SessionUser } from '../api/session';
import { OrganizationSwitcher } from './organization-switcher';

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly roles: readonly SessionUser['role'][];
}

/** The same roles as the API's route table: a link is shown only to whom the API would answer. */
const NAV: readonly NavItem[] = [
  { to: '/dashboard', label: 'Dashboard', roles: ['admin'] },
  // Filled in with the person's own GitHub login; absent when they have none.
  { to: '/me', label: 'My analysis', roles: ['admin', 'member', 'viewer'] },
  { to: '/team', label: 'Team', roles: ['admin', 'member', 'viewer'] },
  { to: '/reports', label: 'Reports', roles: ['admin', 'viewer'] },
  { to: '/settings', label: 'Settings', roles: ['admin'] },
  { to: '/settings/github', label: 'GitHub', roles: ['admin'] },
  { to: '/audit', label: 'Audit log', roles: ['admin'] },
];

export function Layout() {
  const current = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!current) return null;
  const { user } = current;
  const signOut = () => {
    navigate('/login', { replace: true });
    session.clear();
    queryClient.clear();
  };
  const ownAnalysis = user.githubUsername ? `/people/${encodeURIComponent(user.githubUsername)}` : undefined;
  const items = NAV.filter((item) => item.roles.includes(user.role)).flatMap((item) =>
    item.to === '/me' ? (ownAnalysis ? [{ ...item, to: ownAnalysis }] : []) : [item],
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">DevInsights</span>
        <OrganizationSwitcher />
        <span className="who">
          {user.name} <span className="badge">{user.role}</span>
        </span>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main" className="mainnav">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
