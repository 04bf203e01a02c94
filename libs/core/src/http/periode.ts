/**
 * The periods the API takes in, as the brief writes them: a calendar quarter ('2026-Q3') or
 * a year ('2026'), in the years 2000–2099. Every request field and path parameter that is a
 * period is checked against these, so year 0 (which PostgreSQL has no date for) or year 9999
 * (whose deadline falls in year 10000) is a 400, never a failed query.
 */
export const EERSTE_JAAR = 2000;
export const LAATSTE_JAAR = 2099;

export const KWARTAAL_PATROON = /^20\d{2}-Q[1-4]$/;
export const JAAR_PATROON = /^20\d{2}$/;
/** A quarter or a year. */
export const PERIODE_PATROON = /^20\d{2}(-Q[1-4])?$/;
