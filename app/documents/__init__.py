"""Printed documents (A4 PDF letters and statements) built with ReportLab.

A document module whose data the sections or app.documents.sources use (its dataclasses and
builders) imports ReportLab and the rendering modules (letter, tables, render, ...) inside the
functions that draw, so opening a section loads no ReportLab (issue 16,
tests/ui/test_lazy_imports.py)."""
