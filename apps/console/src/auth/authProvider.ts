import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { API_URL, httpClient } from '../api/httpClient';
import { clearSession, readUser, setToken, storeUser } from '../api/session';
import type { ConsoleUser, LoginResponse, TwoFactorChallenge } from '../api/types';
import { can } from './permissions';

const fetchMe = async (): Promise<ConsoleUser> => {
  const { json } = await httpClient(`${API_URL}/auth/me`);
  const user = json as ConsoleUser;
  storeUser(user);
  return user;
};

const currentUser = async (): Promise<ConsoleUser> => readUser() ?? fetchMe();

/** A password that checked out, a second-factor code for its challenge, or a finished enrolment. */
export type Credentials =
  { email: string; password: string } | { challenge: string; code: string } | { session: LoginResponse };

/** Thrown by `login` when the password was right and a second step follows. */
export class TwoFactorNeeded extends Error {
  constructor(readonly step: TwoFactorChallenge) {
    super('Two-factor sign-in');
  }
}

const signIn = async (credentials: Credentials): Promise<LoginResponse | TwoFactorChallenge> => {
  if ('session' in credentials) return credentials.session;
  const path = 'challenge' in credentials ? '/auth/two-factor/verify' : '/auth/login';
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    body: JSON.stringify(credentials),
  });
  return json as LoginResponse | TwoFactorChallenge;
};

export const authProvider: AuthProvider = {
  async login(credentials: Credentials) {
    try {
      const answer = await signIn(credentials);
      if ('twoFactor' in answer) throw new TwoFactorNeeded(answer);
      setToken(answer.token);
      storeUser(answer.user);
    } catch (error) {
      if (error instanceof TwoFactorNeeded) throw error;
      if (error instanceof HttpError && error.status === 401) {
        throw new Error(
          'challenge' in credentials
            ? 'conduit.auth.errors.code_wrong'
            : 'conduit.auth.errors.credentials_wrong',
        );
      }
      if (error instanceof HttpError && error.status === 429) {
        throw new Error(error.message || 'conduit.auth.errors.too_many');
      }
      throw error instanceof Error ? error : new Error('conduit.auth.errors.failed');
    }
  },

  async logout() {
    try {
      if (readUser()) await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
    } catch {
      // The session is already gone server-side; nothing else to do.
    } finally {
      clearSession();
    }
  },

  async checkAuth() {
    const hadSession = readUser() !== null;
    try {
      await fetchMe();
    } catch (error) {
      clearSession();
      if (error instanceof HttpError && error.status === 401) {
        // First visit: go to the login page quietly. Expired session: say so.
        throw hadSession ? new Error('conduit.auth.errors.expired') : { message: false };
      }
      throw error;
    }
  },

  async checkError(error: unknown) {
    const status = error instanceof HttpError ? error.status : undefined;
    if (status === 401) {
      clearSession();
      throw new Error('conduit.auth.errors.expired');
    }
    // 403 and everything else: stay signed in, the page shows the error.
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await currentUser();
    return { id: user.id, fullName: user.email, organizationName: user.organizationName, role: user.role };
  },

  async getPermissions() {
    const user = await currentUser();
    return user.role;
  },

  async canAccess({ resource, action }) {
    const user = await currentUser();
    return can(user.role, resource, action);
  },
};
