"""The office server (issue 15): moving a cooperative onto it, its backups and restores, and
the nightly backup on the server PC. The SQL lives in app/storage/pg_*.py."""
