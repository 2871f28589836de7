const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** DateInput gives a local calendar day; the API wants an instant. "From" = start of day, "To" = end of day. */
export const startOfDay = (value: string | null): string | null =>
  value && DAY.test(value) ? new Date(`${value}T00:00:00`).toISOString() : value || null;

export const endOfDay = (value: string | null): string | null =>
  value && DAY.test(value) ? new Date(`${value}T23:59:59.999`).toISOString() : value || null;
