import { describe, expect, it } from 'vitest';
import { HIDDEN_LABEL, routeLabel, safeLabel, UNMATCHED_ROUTE } from './labels';

describe('routeLabel', () => {
  it('keeps route templates and folds unmatched requests into one series', () => {
    expect(routeLabel('/admin/api/merchants/:id')).toBe('/admin/api/merchants/:id');
    expect(routeLabel('/rest/sso/token/:token/status')).toBe('/rest/sso/token/:token/status');
    expect(routeLabel('/console/*')).toBe('/console/*');
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('')).toBe(UNMATCHED_ROUTE);
  });

  it('never passes a raw URL with a query, a card number or odd characters through', () => {
    expect(routeLabel('/payment/NVP.aspx?cardNumber=4111111111111111')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel('/x/4111111111111111')).toBe(UNMATCHED_ROUTE);
    expect(routeLabel(`/${'a'.repeat(80)}`)).toBe(UNMATCHED_ROUTE);
  });
});

describe('safeLabel', () => {
  it('passes enum-like values', () => {
    expect(safeLabel('nvp')).toBe('nvp');
    expect(safeLabel('Sale')).toBe('Sale');
    expect(safeLabel('http_status')).toBe('http_status');
    expect(safeLabel(200)).toBe('200');
  });

  it('hides PAN-like digit runs, spaces, quotes and long values', () => {
    expect(safeLabel('4111111111111111')).toBe(HIDDEN_LABEL);
    expect(safeLabel('card-5555555555554444')).toBe(HIDDEN_LABEL);
    expect(safeLabel('4111 1111 1111 1111')).toBe(HIDDEN_LABEL);
    expect(safeLabel('Jane "Doe"')).toBe(HIDDEN_LABEL);
    expect(safeLabel('x'.repeat(65))).toBe(HIDDEN_LABEL);
  });

  it('keeps digit runs that are not card numbers, and names missing values', () => {
    expect(safeLabel('4111111111111112')).toBe('4111111111111112');
    expect(safeLabel(undefined)).toBe('none');
    expect(safeLabel(null)).toBe('none');
  });
});
