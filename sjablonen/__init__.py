"""The regional framework as data and the export templates; files, not code."""
