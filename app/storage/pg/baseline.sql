-- Ordering and equality without regard to case, as SQLite's NOCASE (used as `COLLATE nocase`).
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
