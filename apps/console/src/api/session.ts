import type { ConsoleUser } from './types';

const TOKEN_KEY = 'conduit.token';
const USER_KEY = 'conduit.user';

export const getToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export const setToken = (token: string | null | undefined): void => {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
};

export const readUser = (): ConsoleUser | null => {
  const raw = sessionStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ConsoleUser;
  } catch {
    sessionStorage.removeItem(USER_KEY);
    return null;
  }
};

export const storeUser = (user: ConsoleUser): void => {
  sessionStorage.setItem(USER_KEY, JSON.stringify(user));
};

export const clearSession = (): void => {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
};
