"""The schema as one ordered list of steps. Each step is a module `mNNNN_name` with `NAME` (what
`_sqlite_migrations` records; never changed once shipped) and `migrate(db)`. A new step is a new
module added at the END of `SEQUENCE`; an applied step is never edited. The numbers have gaps
(0003, 0004, 0007) from before this list existed: the names already stored in cooperatives'
files keep them, and the order of `SEQUENCE`, not the number, is the order of application."""

from __future__ import annotations

from types import ModuleType

from app.storage.schema import (
    m0001_foundation,
    m0002_loans,
    m0005_collection,
    m0006_documents,
    m0008_loan_balances,
    m0009_member_search,
    m0010_file_identity,
    m0011_auth_roles,
    m0012_decision_positions_meetings,
    m0013_tamper_chains,
    m0014_ledger,
    m0015_ledger_history,
    m0016_bank_recon,
    m0017_imports,
    m0018_payroll,
    m0019_passbooks,
    m0020_closing,
    m0021_accrual_transfer,
    m0022_period_balances,
    m0024_jasa_pph,
    m0025_berjangka,
    m0026_year_end,
    m0027_pph_shortfall,
    m0028_fixed_assets,
    m0029_chain_blocks,
    m0030_arrears_positions,
    m0031_savings_totals,
    m0032_decisions_by_case,
    m0033_chain_text,
)

SEQUENCE: tuple[ModuleType, ...] = (
    m0001_foundation,
    m0002_loans,
    m0005_collection,
    m0006_documents,
    m0008_loan_balances,
    m0009_member_search,
    m0010_file_identity,
    m0011_auth_roles,
    m0012_decision_positions_meetings,
    m0013_tamper_chains,
    m0014_ledger,
    m0015_ledger_history,
    m0016_bank_recon,
    m0017_imports,
    m0018_payroll,
    m0019_passbooks,
    m0020_closing,
    m0021_accrual_transfer,
    m0022_period_balances,
    m0024_jasa_pph,
    m0025_berjangka,
    m0026_year_end,
    m0027_pph_shortfall,
    m0028_fixed_assets,
    m0029_chain_blocks,
    m0030_arrears_positions,
    m0031_savings_totals,
    m0032_decisions_by_case,
    m0033_chain_text,
)
