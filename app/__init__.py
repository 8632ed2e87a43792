"""Mufakat: savings, loans and problem-loan handling for Indonesian cooperatives."""

__version__ = "0.1.0"
APP_NAME = "Mufakat"
