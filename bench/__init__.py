"""Benchmarks of Beetroot Desktop: import throughput, re-import, a 100k-photo library, grouping quality, GUI.

Run them with `make bench` or `python -m bench --help`. Generated data goes to `bench/out/` (not committed).
"""
