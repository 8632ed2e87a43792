"""The demo cooperative's users, every role, shown on its login screen."""

from __future__ import annotations

from app.users.models import Role

# (username, password, role, full_name). The passwords are published on purpose: the demo
# file holds only fictional data, and a newcomer should get in at once. Hapus buku needs the
# Ketua plus one other Pengurus: the Bendahara is that second Pengurus.
DEMO_USERS: list[tuple[str, str, Role, str]] = [
    ("ketua", "ketua123", Role.KETUA, "H. Suparman"),
    ("bendahara", "bendahara123", Role.PENGURUS, "Hj. Siti Maimunah"),
    ("admin", "admin123", Role.ADMIN, "Dwi Prasetyo"),
    ("manajer", "manajer123", Role.MANAJER, "Sri Wahyuningsih"),
    ("kasir", "kasir123", Role.STAF, "Rina Marlina"),
    ("pengawas", "pengawas123", Role.PENGAWAS, "Drs. Bambang Sutrisno"),
]

# The position each demo user holds in the cooperative (shown beside the name).
DEMO_POSITIONS: dict[str, str] = {
    "ketua": "Ketua",
    "bendahara": "Bendahara",
    "admin": "Admin",
    "manajer": "Manajer",
    "kasir": "Kasir",
    "pengawas": "Ketua Pengawas",
}
