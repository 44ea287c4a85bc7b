"""How long a committed row takes to be readable on the streaming replica.

    bash .ci/replica start
    .venv/bin/python benchmarks/replica_lag.py \\
        --primary postgres://postgres@127.0.0.1:5432/<scratch db> \\
        --replica postgres://postgres@127.0.0.1:5433/<same db> [--rows 200]

Commits one row at a time on the primary and polls the replica until it sees it; prints
the median, 95th percentile and worst lag. ``BINA_READ_YOUR_WRITES_SECONDS`` (10 s) must
stay well above the worst figure. Drops its table at the end.
"""

from __future__ import annotations

import argparse
import statistics
import time

import psycopg

TABLE = "bina_replica_lag_probe"
INSERT = f"INSERT INTO {TABLE} DEFAULT VALUES RETURNING id"  # noqa: S608 - a constant name
SEEN = f"SELECT 1 FROM {TABLE} WHERE id = %s"  # noqa: S608 - a constant name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--primary", required=True)
    parser.add_argument("--replica", required=True)
    parser.add_argument("--rows", type=int, default=200)
    args = parser.parse_args()

    with (
        psycopg.connect(args.primary, autocommit=True) as primary,
        psycopg.connect(args.replica, autocommit=True) as replica,
    ):
        primary.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id serial PRIMARY KEY)")
        lags = []
        try:
            for _ in range(args.rows):
                row = primary.execute(INSERT).fetchone()
                committed = time.perf_counter()
                while not replica.execute(SEEN, [row[0]]).fetchone():
                    time.sleep(0.0005)
                lags.append((time.perf_counter() - committed) * 1000)
        finally:
            primary.execute(f"DROP TABLE IF EXISTS {TABLE}")
    lags.sort()
    p95 = lags[max(0, int(len(lags) * 0.95) - 1)]
    print(
        f"{len(lags)} commits: replica lag median {statistics.median(lags):.1f} ms, "
        f"p95 {p95:.1f} ms, worst {lags[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
