"""The code keeps the style setup.cfg sets (flake8, lines of at most 100 characters)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_flake8_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "flake8", "service", "schemas", "tests",
                             "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
