"""`python -m app` does what the `mufakat` command does."""

from app.cli import main

raise SystemExit(main())
