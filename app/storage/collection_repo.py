"""The collection's repository as the services see it: cases (reads, writes, causes, events),
contacts, promises and letters, each written in its own module (portable SQL: runs on both
engines)."""

from __future__ import annotations

from app.storage.collection_case_reads_repo import CaseReads
from app.storage.collection_cases_repo import CaseWrites
from app.storage.collection_contacts_repo import ContactsRepository
from app.storage.collection_letters_repo import LettersRepository
from app.storage.collection_promises_repo import PromisesRepository
from app.storage.engine import Engine


class CollectionRepository(
    CaseReads, CaseWrites, ContactsRepository, PromisesRepository, LettersRepository
):
    db: Engine

    def __init__(self, db: Engine) -> None:
        self.db = db
