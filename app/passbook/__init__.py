"""Passbooks (buku simpanan) and loan cards (kartu angsuran): lines printed once, in place."""
