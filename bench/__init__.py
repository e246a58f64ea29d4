"""Benchmarks: `make bench` runs them all, `make bench BENCH_ARGS=scan` one of them."""
