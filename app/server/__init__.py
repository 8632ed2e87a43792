"""The office server (issue 15): setting up the PostgreSQL server Mufakat ships and what a client
PC needs to reach it (§3), moving a cooperative onto it, its backups and restores, and the nightly
backup on the server PC (§2). No Qt here; the SQL lives in app/storage/pg_*.py."""
