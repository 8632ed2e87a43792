"""Payroll deduction (potong gaji) for employee cooperatives (issue 14 §2)."""
