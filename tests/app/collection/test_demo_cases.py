"""The demo's problem-loan histories (on top of the demo loans)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from app.collection.decision_models import DecisionKind, DecisionStatus
from app.demo.cases import add_demo_cases
from app.demo.generate import generate_demo
from app.services import Services

demo_loans = pytest.importorskip("app.demo.loans")
TODAY = date(2026, 11, 26)


@pytest.mark.slow
def test_demo_cases_tell_every_story(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    generate_demo(path, members=300, seed=1, today=TODAY, loans=False)
    services = Services.open(path)
    try:
        demo_loans.add_demo_loans(services, random.Random(1), TODAY)
        summary = add_demo_cases(services, random.Random(1), TODAY)
        coll = services
        done = {d.kind for d in coll.decisions.all() if d.status == DecisionStatus.DILAKSANAKAN}
        assert {
            DecisionKind.RESTRUKTURISASI,
            DecisionKind.PELUNASAN_KERINGANAN,
            DecisionKind.HAPUS_BUKU,
            DecisionKind.HAPUS_TAGIH,
        } <= done
        kinds = {
            d.payload["terms"]["kind"]
            for d in coll.decisions.all(kind=DecisionKind.RESTRUKTURISASI)
        }
        assert kinds == {"penjadwalan_kembali", "persyaratan_kembali"}
        register = coll.collection_reports.written_off(TODAY)
        assert sorted(e.status for e in register.entries) == ["aktif", "hapus_tagih"]
        assert register.total_recovered > 0
        statuses = [v.status.value for v in coll.promise_views.all_views(TODAY)]
        assert "ditepati" in statuses and ("ingkar" in statuses or "sebagian" in statuses)
        assert coll.work_queue.build(TODAY).total_count > 0
        assert "hapus tagih" in summary
    finally:
        services.close()
