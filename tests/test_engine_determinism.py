"""Engine layer: the same statement reads the same against the same claims whatever Python's
string hashing (PYTHONHASHSEED): set order must never decide a score."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A word no claim uses ("competed") read as its synonym that claims use ("vie") where a claim
# uses it with one of the statement's rarest other words: here six words tie for rarest.
READ = """
from service.engine import ClaimRecord, FactChecker
claims = [ClaimRecord(1, "The mayors are vying for power."),
          ClaimRecord(2, "The bridge, the harbour, the school and the market were rebuilt.")]
statement = ("The mayors competed to have the bridge, the harbour, the school and the market "
             "rebuilt.")
print(FactChecker(claims).matcher.analyze_statement(statement).terms)
"""


def test_a_statement_reads_the_same_under_every_hash_seed():
    readings = {subprocess.run([sys.executable, "-c", READ], cwd=ROOT, check=True, text=True,
                               capture_output=True,
                               env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
                for seed in range(4)}
    assert len(readings) == 1, readings
