import pytest

from dyadwatch import kinds


def test_contract_kinds_are_registered():
    assert kinds.names()[:3] == ["meeting", "exercise", "port_call"]
    assert kinds.get("exercise").plover == "COOPERATE"
    assert kinds.get("exercise").cameo == "062"
    assert kinds.get("meeting").has_mode and not kinds.get("exercise").has_mode


def test_unknown_kind_names_the_known_ones():
    with pytest.raises(KeyError, match="meeting"):
        kinds.get("parade")
