"""Bringing a cooperative's existing records in from spreadsheets (issue 14 §1), the payroll
deduction batches (§2) and the export command (§3). No Qt here."""
