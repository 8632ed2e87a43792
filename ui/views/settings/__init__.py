"""Pengaturan: profile, users, passwords, backups, general settings."""
