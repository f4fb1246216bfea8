"""Benchmarks and browser/server harnesses (run from a checkout: python -m backdata bench)."""
