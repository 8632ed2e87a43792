"""Printed documents (A4 PDF letters and statements) built with ReportLab."""
