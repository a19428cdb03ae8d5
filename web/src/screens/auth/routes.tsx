import type { RouteObject } from 'react-router-dom';
import { AcceptInvitationScreen } from './accept-invitation';
import { LoginScreen } from './login';
import { SignupScreen } from './signup';
import { VerifyScreen } from './verify';

/** The screens before a session. Eager: they are the first thing anyone opens. */
export const authRoutes: RouteObject[] = [
  { path: '/login', element: <LoginScreen /> },
  { path: '/signup', element: <SignupScreen /> },
  { path: '/verify', element: <VerifyScreen /> },
  { path: '/invite/accept', element: <AcceptInvitationScreen /> },
];
