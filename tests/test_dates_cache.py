"""parse_deadline caches by phrase alone where the period cannot matter: the answer must be
exactly what parsing with the period gives."""

from __future__ import annotations

import datetime

import pytest

from clusterctl import dates
from clusterctl.dates import DeadlineError, Period, parse_deadline
from tests.test_cli_when import CASES

PERIODS = [
    None,
    Period(datetime.date(2013, 9, 1), datetime.date(2014, 8, 31)),
    Period(datetime.date(2022, 9, 1), datetime.date(2023, 8, 31)),
    Period(datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)),
    Period(datetime.date(2024, 8, 1), datetime.date(2027, 10, 31)),
    Period(datetime.date(2022, 10, 1), datetime.date(2022, 10, 1)),
]
PHRASES = sorted({case[0] for case in CASES} | {
    "до конца года", "до конца 2022 года", "Март", "26 сентября", "сентябрь-май",
    "не позднее 01.10.2022", "до 26.09.2030", "до 26.09.2000", "весной", "31.02.2023",
})


@pytest.mark.parametrize("phrase", PHRASES)
def test_cached_answer_equals_a_direct_parse(phrase: str) -> None:
    for period in PERIODS:
        try:
            direct = dates._parse(phrase, period)
        except DeadlineError as exc:
            with pytest.raises(DeadlineError) as caught:
                parse_deadline(phrase, period)
            assert caught.value.code == exc.code
            continue
        assert parse_deadline(phrase, period) == direct, (phrase, period)
