"""Benchmarks run by hand; see README.md in this folder."""
