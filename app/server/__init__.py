"""The office server PC (issue 15 §3): setting up the PostgreSQL server Mufakat ships, and what a
client PC needs to reach it. No Qt here; the SQL it runs lives in app/storage/pg_setup.py."""
