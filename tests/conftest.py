from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CORPUS = FIXTURES / "corpus"


def seed_path(number: int) -> Path:
    return next(SEEDS.glob(f"{number:03d}_*.txt"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"seeds not found at {SEEDS}"
    return SEEDS
